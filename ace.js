/*
 * Ace entry point. JIT-compiles TypeScript with @poppinss/ts-exec (SWC, no
 * type-checking: `npm run typecheck` does that) and hands over to bin/console.
 */
import '@poppinss/ts-exec'

await import('./bin/console.js')
