// Runs once when a server starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { configurationProblems } = await import("@/lib/env");
  // Fail closed: production without its secrets stops here, one line per variable.
  const problems = configurationProblems(process.env);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[helpt] Configuration error: ${problem}`);
    process.exit(1);
  }
}
