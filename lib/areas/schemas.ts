import { z } from "zod";
import { stripControl } from "@/lib/forms/text";

// Neighbourhoods a town admin adds after sign-up. Coordinates are never typed:
// they come from the shipped postcode list (the server looks them up from the
// postcode and place chosen) or from a point clicked on the map picker.

const name = z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(80, "tooLong");
export const POSTCODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;
const postcode = z.string({ error: "required" }).overwrite(stripControl).trim().min(1, "required").max(12, "invalidPostcode").regex(POSTCODE_PATTERN, "invalidPostcode");

/** An entry chosen from the country's postcode list; the name defaults to the list's place name. */
export const areaFromPostcodeSchema = z.object({
  postcode,
  place: z.string({ error: "required" }).overwrite(stripControl).trim().min(1, "required").max(180, "tooLong"),
  name: z.string().overwrite(stripControl).trim().max(80, "tooLong").optional().transform((s) => s || undefined),
});

/** A point filled in by the map picker (hidden fields); empty when nobody clicked. */
const coordinate = (limit: number) =>
  z.string({ error: "pointRequired" }).overwrite(stripControl).trim().min(1, "pointRequired")
    .pipe(z.coerce.number<string>({ error: "pointRequired" }).min(-limit, "pointRequired").max(limit, "pointRequired"))
    .transform((n) => Math.round(n * 1e4) / 1e4);

export const areaFromMapSchema = z.object({ name, postcode, latitude: coordinate(90), longitude: coordinate(180) });

export const renameAreaSchema = z.object({ name });
