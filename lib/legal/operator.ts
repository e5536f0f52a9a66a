import { env } from "@/lib/env";

/** Who runs this installation of Helpt, as the privacy notice, terms and processing agreement name it (configuration). */
export function platformOperator(): { name: string; address: string } {
  const { HELPT_OPERATOR_NAME, HELPT_OPERATOR_ADDRESS } = env();
  return { name: HELPT_OPERATOR_NAME, address: HELPT_OPERATOR_ADDRESS };
}
