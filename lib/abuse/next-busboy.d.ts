// Next.js bundles busboy (its multipart parser for server actions) without types.
declare module "next/dist/compiled/busboy" {
  import type { Writable } from "node:stream";
  type Options = { headers: Record<string, string>; defParamCharset?: string; limits?: { fieldSize?: number } };
  export default function busboy(options: Options): Writable;
}
