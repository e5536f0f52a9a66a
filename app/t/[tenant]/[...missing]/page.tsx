import { notFound } from "next/navigation";

// Any path no page of the town answers: its own not-found page, inside the town's layout.
export default function Missing() {
  notFound();
}
