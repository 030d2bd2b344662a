import { tokenRequestValidator } from '#validators/auth'
import { errorResponses, operation } from './components.js'
import {
  V1,
  bodyFrom,
  dateTime,
  json,
  noContent,
  nullable,
  record,
  ref,
  str,
  type ApiArea,
} from './schema.js'

export const authArea: ApiArea = {
  tag: {
    name: 'auth',
    description: 'Bearer tokens for people signing in with email and password.',
  },
  schemas: {
    TokenCreated: record({
      type: str({ const: 'bearer' }),
      token: str({ pattern: '^oat_', description: 'Shown once; store it like a password.' }),
      expiresAt: nullable(dateTime()),
      user: ref('User'),
    }),
  },
  paths: {
    [`${V1}/auth/tokens`]: {
      post: operation('api.auth.tokens.store', {
        summary: 'Sign in: email and password for a bearer token',
        description:
          'A wrong password, an unknown email and a deactivated account all answer 400 ' +
          'alike. After 5 failures for one account from one address, 429 for 15 minutes.',
        public: true,
        body: bodyFrom(tokenRequestValidator, {
          tokenName: { description: 'A label for the token (default `api`).' },
        }),
        responses: {
          201: json('The token, shown this once.', ref('TokenCreated')),
          400: json('Wrong email or password.', ref('Errors')),
          ...errorResponses(422, 429),
        },
      }),
    },
    [`${V1}/auth/tokens/current`]: {
      delete: operation('api.auth.tokens.destroy', {
        summary: 'Revoke the token used for this request',
        responses: { 204: noContent },
      }),
    },
    [`${V1}/auth/me`]: {
      get: operation('api.auth.me', {
        summary: 'The signed-in user',
        responses: { 200: json('The user behind the token.', record({ user: ref('User') })) },
      }),
    },
  },
}
