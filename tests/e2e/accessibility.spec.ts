import { test } from "@playwright/test";
import { apex, ensureSuspendedTown, expectAccessible, town } from "./helpers/site";

test.beforeAll(async () => {
  await ensureSuspendedTown();
});

// Every page built so far, in each language it is offered in.
const pages = [
  apex("/"), apex("/sign-in"), apex("/sign-in/check-email"), apex("/dev/mailbox"),
  town("leuven"), town("leuven", "/sign-in"), town("leuven", "/sign-in/check-email"),
  town("leuven", "/request"), town("leuven", "/requests"), town("leuven", "/request/thanks"), town("gent", "/request"),
  town("gent"), town("atlantis"), town("slaapstad"),
  town("leuven", "/legal/accessibility"), town("leuven", "/legal/privacy"), town("leuven", "/legal/cookies"),
  apex("/legal/terms"), apex("/legal/dpa"), apex("/legal/cookies"),
];

for (const language of ["nl", "fr", "en", "de"]) {
  test.describe(`accessibility (${language})`, () => {
    test.use({ locale: language });
    for (const url of pages) {
      test(url, async ({ page }) => {
        await page.goto(url);
        await expectAccessible(page);
      });
    }
  });
}
