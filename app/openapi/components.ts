import { ACTIONS, STATE_GUARD_CODES, STATUSES } from '#domain/lifecycle/index'
import {
  arrayOf,
  enumOf,
  int,
  json,
  nullable,
  obj,
  record,
  ref,
  str,
  type Operation,
  type Parameter,
  type Reference,
  type Response,
  type Schema,
} from './schema.js'

/**
 * What every area shares: the bearer token, error bodies and the standard
 * error responses, and the list envelope. Error bodies are what
 * DomainError, VineJS, bouncer, auth and the limiter render for a request
 * that accepts JSON; messages follow Accept-Language (zh-CN by default).
 */

export const BEARER = 'bearerToken'

export const securitySchemes = {
  [BEARER]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'oat_...',
    description:
      'An opaque access token (`oat_...`) from POST /api/v1/auth/tokens, shown once and ' +
      'valid for 30 days. DELETE /api/v1/auth/tokens/current revokes it.',
  },
}

const errorEntry = obj(
  {
    message: str({ description: 'Translated; follows Accept-Language.' }),
    code: str({ description: 'Stable `E_` code for clients, when the error has one.' }),
  },
  ['message']
)

const guardCodes = ['E_INVALID_TRANSITION', 'E_STALE_VERSION', ...STATE_GUARD_CODES]

export const schemas: Record<string, Schema> = {
  Errors: record({ errors: arrayOf(errorEntry, { minItems: 1 }) }),
  ValidationErrors: record({
    errors: arrayOf(
      obj(
        {
          field: str({ description: 'Dotted path of the field, e.g. `limits.sign.amount`.' }),
          rule: str({ description: 'The VineJS rule, or the domain `E_` code.' }),
          message: str(),
          meta: { type: 'object' },
        },
        ['field', 'rule', 'message']
      ),
      { minItems: 1 }
    ),
  }),
  TransitionConflict: record({
    errors: arrayOf(
      obj(
        {
          code: enumOf(guardCodes),
          message: str(),
          status: enumOf(STATUSES, 'The ticket status now.'),
          version: int({ description: 'The ticket version now; send it as expectedVersion.' }),
          allowedActions: arrayOf(enumOf(ACTIONS), {
            description: 'What the caller may do now.',
          }),
        },
        ['code', 'message', 'status', 'version']
      ),
      { minItems: 1, maxItems: 1 }
    ),
  }),
  PaginationMeta: record({
    total: int(),
    perPage: int(),
    currentPage: int(),
    lastPage: int(),
    firstPage: int(),
    firstPageUrl: str(),
    lastPageUrl: str(),
    nextPageUrl: nullable(str()),
    previousPageUrl: nullable(str()),
  }),
}

const errors = (description: string, schema = 'Errors') => json(description, ref(schema))

export const responses: Record<string, Response> = {
  Unauthorized: errors('No valid bearer token.'),
  Forbidden: errors('The role may never do this.'),
  NotFound: errors('Missing, or outside the caller’s reach (a department sees its own).'),
  Conflict: errors('The record is not in a state that allows this (the `code` says why).'),
  InvalidTransition: errors(
    'The ticket is not in a state for this action: `E_INVALID_TRANSITION` with the status, ' +
      'version and allowed actions now; `E_STALE_VERSION` when expectedVersion is behind; ' +
      'or a guard code.',
    'TransitionConflict'
  ),
  ValidationFailed: errors('A field is missing or wrong; one entry per field.', 'ValidationErrors'),
  TooManyRequests: {
    ...errors('Too many failed sign-ins for this account from this address (5 per 15 minutes).'),
    headers: { 'Retry-After': { description: 'Seconds until the next try.', schema: int() } },
  },
}

const STATUS_RESPONSES = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'ValidationFailed',
  429: 'TooManyRequests',
} as const

type ErrorStatus = keyof typeof STATUS_RESPONSES

/** `{ '403': { $ref: ... }, ... }` for the listed statuses. */
export function errorResponses(...statuses: ErrorStatus[]): Record<string, Reference> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { $ref: `#/components/responses/${STATUS_RESPONSES[status]}` },
    ])
  )
}

export const invalidTransition = {
  409: { $ref: '#/components/responses/InvalidTransition' },
}

interface OperationSpec {
  summary: string
  description?: string
  parameters?: Parameter[]
  /** a JSON request body */
  body?: Schema
  responses: Record<string, Response | Reference>
  /** no token needed; otherwise the operation also answers 401 */
  public?: boolean
}

/** An operation; its id is the route name, so the document and the router can be compared. */
export function operation(routeName: string, spec: OperationSpec): Operation {
  const { summary, description, parameters, body, responses: answers } = spec
  return {
    operationId: routeName,
    summary,
    ...(description ? { description } : {}),
    ...(spec.public ? { security: [] } : {}),
    ...(parameters?.length ? { parameters } : {}),
    ...(body
      ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } }
      : {}),
    responses: spec.public ? answers : { ...answers, ...errorResponses(401) },
  }
}
