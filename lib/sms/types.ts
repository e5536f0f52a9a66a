export type OutgoingSms = {
  /** E.164 */
  to: string;
  body: string;
  /** Where the provider reports delivery (signed); absent for the development inbox. */
  statusCallback?: string;
};

/** A way to send texts: Twilio, the development inbox, or another provider with the same shape. */
export type SmsProvider = {
  name: string;
  send(sms: OutgoingSms): Promise<{ id: string }>;
};

export class SmsSendError extends Error {
  /**
   * `message` names the provider and its status only, so it can be logged;
   * the provider's own words (`detail`) may quote the number and go to the
   * outbox row only. `permanent`: this text can never go (an invalid or
   * unsubscribed number); otherwise it is retried.
   */
  constructor(message: string, readonly permanent: boolean, readonly detail = "", readonly code?: number) {
    super(message);
  }
}
