import { CONTENT_TYPES, type ExportFormat } from "@/lib/export/table";

/** A download: never cached, named after the town, the list and the day. */
export function downloadResponse(body: ReadableStream<Uint8Array>, format: ExportFormat, name: string): Response {
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.${format}"`,
      "cache-control": "private, no-store",
    },
  });
}

/** A refused download: the reason in the reader's language, as text (a 4xx, never a server error). */
export const refuseDownload = (message: string) =>
  new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
