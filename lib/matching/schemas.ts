import { z } from "zod";

/** How many offers a request accepts before it leaves the volunteers' list. */
export const capSchema = z.object({ maxResponses: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(50, "invalidChoice") });
