import { operation } from './components.js'
import {
  V1,
  arrayOf,
  bool,
  enumOf,
  int,
  json,
  obj,
  record,
  ref,
  str,
  type ApiArea,
} from './schema.js'

/** What a load balancer and a client generator need: /health and this document. */
export const serviceArea: ApiArea = {
  tag: { name: 'service', description: 'Health probe and this API description.' },
  schemas: {
    Health: record({
      status: enumOf(['ok', 'unavailable']),
      failing: arrayOf(str(), { description: 'The parts that did not answer.' }),
      checks: {
        type: 'object',
        additionalProperties: obj({ ok: bool(), message: str(), durationMs: int({ minimum: 0 }) }, [
          'ok',
          'durationMs',
        ]),
        description: 'Per part (database, redis).',
      },
      warnings: arrayOf(
        {
          type: 'object',
          properties: { code: str(), message: str() },
          required: ['code', 'message'],
        },
        { description: 'Needs an operator soon (e.g. next year’s holidays missing); never a 503.' }
      ),
    }),
  },
  paths: {
    '/health': {
      get: operation('health', {
        summary: 'Whether the database and Redis answer',
        public: true,
        responses: {
          200: json('Every part answers.', ref('Health')),
          503: json('A part does not answer; `failing` names it.', ref('Health')),
        },
      }),
    },
    [`${V1}/openapi.json`]: {
      get: operation('api.openapi', {
        summary: 'This document (OpenAPI 3.1)',
        public: true,
        responses: {
          200: json('The OpenAPI document.', {
            type: 'object',
            properties: {
              openapi: str({ pattern: '^3\\.1\\.' }),
              info: { type: 'object' },
              paths: { type: 'object' },
            },
            required: ['openapi', 'info', 'paths'],
          }),
        },
      }),
    },
  },
}
