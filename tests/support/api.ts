import type { ApiClient, ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { RoutesList } from '@adonisjs/core/types/http'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'
export type Locale = 'zh-CN' | 'en'

export interface CallOptions {
  token?: string
  /** Sent as Accept-Language; omit it to get the default locale (zh-CN). */
  locale?: Locale
  body?: Record<string, unknown>
}

/**
 * A JSON API request. It always accepts JSON: validation and domain errors
 * only answer with JSON bodies (and 422 rather than a redirect) when asked.
 *
 * @example await call(client, 'GET', '/api/v1/departments', { token, locale: 'en' })
 */
export function call(
  client: ApiClient,
  method: HttpMethod,
  url: string,
  options: CallOptions = {}
) {
  const request = client.request(url, method).header('accept', 'application/json')
  if (options.token) request.bearerToken(options.token)
  if (options.locale) request.header('accept-language', options.locale)
  if (options.body) request.json(options.body)
  return request
}

interface ErrorEntry {
  field?: string
  rule?: string
  code?: string
  message: string
}

/** The `errors` array of an error response. */
export function errorsOf(response: ApiResponse): ErrorEntry[] {
  return (response.body() as { errors?: ErrorEntry[] }).errors ?? []
}

/** Field → message of a 422 response, e.g. `{ code: '编码格式不正确' }`. */
export function fieldMessages(response: ApiResponse): Record<string, string> {
  return Object.fromEntries(
    errorsOf(response)
      .filter((error) => error.field)
      .map((error) => [error.field!, error.message])
  )
}

/** Number of rows in `table`, seen from inside the test's transaction. */
export async function countRows(table: string): Promise<number> {
  const row = await db.from(table).count('* as total').firstOrFail()
  return Number(row.total)
}

/** Forgets every sign-in attempt, so throttling never leaks from one test into another. */
export async function clearLoginThrottle(): Promise<void> {
  await limiter.clear()
}

/** A named route of the app, e.g. 'api.departments.update'. */
export type RouteName = keyof RoutesList['ALL'] & string

/**
 * The URL of a named route, with `id` filled in when the route takes one.
 * Call it inside a test: route names resolve once the server has started.
 */
export function routeUrl(name: RouteName, id?: number): string {
  const build = urlFor as (route: string, params?: Record<string, number>) => string
  return id === undefined ? build(name) : build(name, { id })
}
