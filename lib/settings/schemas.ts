import { z } from "zod";
import { TEAM_ROLES } from "@/lib/settings/team";

export const inviteSchema = z.object({ email: z.email("invalidEmail").max(254, "tooLong"), role: z.enum(TEAM_ROLES, { error: "invalidChoice" }) });
