import { cache } from "react";
import { auth } from "@/lib/auth/auth";

/**
 * The signed-in session, looked up once per request: the layout, the header
 * and the page all ask, and each lookup is two database queries.
 */
export const currentSession = cache(() => auth());
