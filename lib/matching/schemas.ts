import { z } from "zod";
import { idSchema } from "@/lib/forms/bound";

/** How many offers a request accepts before it leaves the volunteers' list. */
export const capSchema = z.object({ maxResponses: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(50, "invalidChoice") });

/** The volunteers a coordinator picks (checkbox group): malformed ids are dropped, at most 20. */
export const assignSchema = z.object({
  volunteerIds: z.array(z.unknown()).transform((ids) => ids.filter((v): v is string => idSchema.safeParse(v).success).slice(0, 20)),
});
export const assignFields = (formData: FormData) => ({ volunteerIds: formData.getAll("volunteerIds") });
