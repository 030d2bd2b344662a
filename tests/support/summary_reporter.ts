import type { NamedReporterContract } from '@japa/runner/types'

/**
 * Prints one closing line, "N passed, N failed", as the very last output of
 * the run (CI reads it). It is written on process exit because the spec
 * reporter finishes its own summary asynchronously after `runner:end`.
 */
export const summaryReporter = (): NamedReporterContract => ({
  name: 'summary',
  handler: (runner, emitter) => {
    emitter.on('runner:end', () => {
      const summary = runner.getSummary()
      const { passed, failed, skipped } = summary.aggregates
      // A failing hook fails the run even when no test failed.
      const failures = failed + (summary.hasError && failed === 0 ? 1 : 0)
      const line = `${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`
      process.once('exit', () => process.stdout.write(`\n${line}\n`))
    })
  },
})
