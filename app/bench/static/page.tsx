// The baseline of `npm run bench` (scenario 1): a page with no data and no
// town, rendered per request by the same server under the same root layout.
export default function StaticBaseline() {
  return (
    <main id="main">
      <p data-bench="static">Helpt</p>
    </main>
  );
}
