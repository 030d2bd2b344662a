import { API_SCOPES } from '#domain/api_scopes'
import { ROLES } from '#domain/roles'
import { createApiClientValidator } from '#validators/api_client'
import { createUserValidator, listUsersValidator, updateUserValidator } from '#validators/user'
import { errorResponses, operation } from './components.js'
import { activation, found, paged } from './organisation.js'
import {
  V1,
  arrayOf,
  bodyFrom,
  bool,
  dataOf,
  dateTime,
  enumOf,
  id,
  json,
  nullable,
  pathId,
  queryFrom,
  record,
  ref,
  str,
  type ApiArea,
} from './schema.js'

export const accountsArea: ApiArea = {
  tag: {
    name: 'accounts',
    description:
      'People (one role each) and machine clients. Leaders manage the staff of their ' +
      'subtree; admins manage everyone and the API clients.',
  },
  schemas: {
    User: record({
      id: id(),
      fullName: str(),
      email: str({ format: 'email' }),
      role: enumOf(ROLES),
      departmentId: nullable(id('Set for department roles; null at the hotline center.')),
      isActive: bool(),
      createdAt: dateTime(),
      updatedAt: dateTime(),
    }),
    ApiClient: record({
      id: id(),
      name: str(),
      keyId: str({ description: 'The public half of the credentials.' }),
      scopes: arrayOf(enumOf(API_SCOPES)),
      isActive: bool(),
      lastUsedAt: nullable(dateTime()),
      createdAt: dateTime(),
      updatedAt: dateTime(),
    }),
  },
  paths: {
    [`${V1}/users`]: {
      get: operation('api.users.index', {
        summary: 'List the users the caller may see',
        parameters: queryFrom(listUsersValidator, {
          q: { description: 'Part of the full name or email.' },
        }),
        responses: { 200: json('A page of users.', paged('User')), ...errorResponses(403, 422) },
      }),
      post: operation('api.users.store', {
        summary: 'Create a user',
        description:
          'The caller may only give roles it may assign, and only departments it can reach ' +
          '(404 otherwise).',
        body: bodyFrom(createUserValidator),
        responses: { 201: found('new user', 'User'), ...errorResponses(403, 404, 422) },
      }),
    },
    [`${V1}/users/{id}`]: {
      get: operation('api.users.show', {
        summary: 'One user',
        parameters: [pathId('user')],
        responses: { 200: found('user', 'User'), ...errorResponses(403, 404) },
      }),
      patch: operation('api.users.update', {
        summary: 'Edit a user',
        parameters: [pathId('user')],
        body: bodyFrom(updateUserValidator, {
          password: { description: 'A new password; omit to keep the current one.' },
        }),
        responses: { 200: found('user', 'User'), ...errorResponses(403, 404, 422) },
      }),
    },
    ...activation('users', 'user', 'User'),

    [`${V1}/api-clients`]: {
      get: operation('api.api_clients.index', {
        summary: 'List the machine clients',
        responses: {
          200: json('Every client.', dataOf(arrayOf(ref('ApiClient')))),
          ...errorResponses(403),
        },
      }),
      post: operation('api.api_clients.store', {
        summary: 'Register a machine client',
        body: bodyFrom(createApiClientValidator),
        responses: {
          201: json(
            'The client and its secret; the secret is shown in this response only.',
            record({ data: ref('ApiClient'), secret: str() })
          ),
          ...errorResponses(403, 422),
        },
      }),
    },
    [`${V1}/api-clients/{id}/deactivate`]: {
      post: operation('api.api_clients.deactivate', {
        summary: 'Deactivate a machine client',
        parameters: [pathId('API client')],
        responses: { 200: found('API client', 'ApiClient'), ...errorResponses(403, 404) },
      }),
    },
  },
}
