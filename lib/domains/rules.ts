// Pure rules shared by the server code and the settings form (no I/O, safe in client bundles).

/** How many own addresses one town may claim. */
export const MAX_DOMAINS = 5;

/** Where a town publishes its proof of ownership for `host`. */
export const challengeName = (host: string) => `_helpt-challenge.${host}`;

/** The TXT record value that proves ownership. */
export const challengeValue = (token: string) => `helpt-verification=${token}`;
