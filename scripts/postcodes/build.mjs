// Rebuilds data/postcodes/<CC>.tsv.gz from GeoNames' postal code files
// (https://download.geonames.org/export/zip/, CC BY 4.0), one per country:
//   node scripts/postcodes/build.mjs BE=path/BE.txt NL=path/NL.csv …
// Accepts GeoNames' own tab-separated layout and the comma-separated copy with
// a header (country_code,zipcode,place,…,latitude,longitude). Keeps one row per
// postcode and place name, coordinates rounded to 4 decimals (about 10 m), so
// France and Germany stay well under a megabyte.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";

/** How a country's postcodes are written in the data: Luxembourg's "L-1234" is kept as "1234", as residents type it. */
const normalise = (country, code) => (country === "LU" ? code.replace(/^L-/i, "") : code).trim().toUpperCase();

for (const arg of process.argv.slice(2)) {
  const [country, file] = arg.split("=");
  const text = readFileSync(file, "utf8");
  const tabbed = !text.startsWith("country_code");
  const rows = tabbed
    ? text.split("\n").filter(Boolean).map((line) => line.split("\t")).map((f) => ({ code: f[1], place: f[2], lat: f[9], lon: f[10] }))
    : parse(text, { columns: true, skip_empty_lines: true }).map((r) => ({ code: r.zipcode, place: r.place, lat: r.latitude, lon: r.longitude }));
  const seen = new Set();
  const lines = [];
  for (const r of rows) {
    const code = normalise(country, r.code);
    const place = r.place.trim();
    const lat = Number(r.lat), lon = Number(r.lon);
    if (!code || !place || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const key = `${code}\t${place}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`${key}\t${lat.toFixed(4)}\t${lon.toFixed(4)}`);
  }
  lines.sort((a, b) => a.localeCompare(b, "en"));
  const out = gzipSync(lines.join("\n") + "\n", { level: 9 });
  writeFileSync(new URL(`../../data/postcodes/${country}.tsv.gz`, import.meta.url), out);
  console.log(country, lines.length, "rows", out.length, "bytes");
}
