/** The part of autocannon's API the benches use (it ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p97_5: number
    p99: number
  }

  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }

  interface Options {
    url: string
    connections?: number
    duration?: number
    pipelining?: number
    timeout?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: (Request & {
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    })[]
  }

  interface Result {
    'duration': number
    'errors': number
    'timeouts': number
    'non2xx': number
    '2xx': number
    'requests': Histogram
    'latency': Histogram
    'statusCodeStats': Record<string, { count: number }>
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
