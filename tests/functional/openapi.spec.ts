import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { ACTIONS } from '#domain/lifecycle/index'
import { call, routeUrl } from '#tests/support/api'

/**
 * GET /api/v1/openapi.json against the router itself: every route the app
 * serves under /api/v1 and /health must be documented, under its route name,
 * and nothing documented may be missing from the app.
 *
 * NOTE: no OpenAPI 3.1 validator is installed (ajv 6 via eslint and
 * jsonschema 1.5 via ace know draft 7 at most, and neither ships the 3.1
 * meta-schema), so the structural checks below stand in for one: $refs
 * resolve, path parameters match their templates, status codes, security,
 * tags and `required` lists are consistent.
 */

// The document is plain JSON; tests read it loosely.
type Json = any

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

interface RouteOperation {
  /** e.g. `POST /api/v1/tickets/{id}/actions/{action}` */
  key: string
  path: string
  operation: Json
}

/** `/tickets/:id` → `/tickets/{id}` */
const openApiPath = (pattern: string) => pattern.replace(/:(\w+)\??/g, '{$1}')

/** The routes the app serves under /api/v1 and /health (HEAD comes free with GET). */
function servedRoutes() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern === '/health' || route.pattern.startsWith('/api/v1/'))
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => ({
          key: `${method} ${openApiPath(route.pattern)}`,
          name: route.name ?? '(unnamed)',
        }))
    )
}

function documentedOperations(document: Json): RouteOperation[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      }))
  )
}

/** Resolves a local `#/a/b` reference, or undefined. */
function resolve(document: Json, reference: string): Json {
  if (!reference.startsWith('#/')) return undefined
  return reference
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node: Json, part) => (node === undefined ? undefined : node[part]), document)
}

/** Every object in the document, with where it is. */
function* walk(node: Json, at = '#'): Generator<[string, Json]> {
  if (node === null || typeof node !== 'object') return
  yield [at, node]
  for (const [key, value] of Object.entries(node)) yield* walk(value, `${at}/${key}`)
}

async function fetchDocument(client: Parameters<typeof call>[0]): Promise<Json> {
  const res = await call(client, 'GET', routeUrl('api.openapi'))
  res.assertStatus(200)
  return res.body()
}

test.group('GET /api/v1/openapi.json', () => {
  test('is a public OpenAPI 3.1 document for this app', async ({ client, assert }) => {
    const res = await call(client, 'GET', routeUrl('api.openapi'))

    res.assertStatus(200)
    assert.match(res.header('content-type') ?? '', /^application\/json/)
    const document = res.body()
    const { version } = JSON.parse(await readFile(app.makePath('package.json'), 'utf8'))
    assert.match(document.openapi, /^3\.1\.\d+$/)
    assert.equal(document.info.title, '接诉 Jiesu API')
    assert.equal(document.info.version, version)
    assert.deepInclude(document.components.securitySchemes.bearerToken, {
      type: 'http',
      scheme: 'bearer',
    })
    assert.deepEqual(document.security, [{ bearerToken: [] }])
    assert.includeMembers(Object.keys(document.paths), [
      '/health',
      '/api/v1/openapi.json',
      '/api/v1/auth/tokens',
      '/api/v1/tickets/{id}/actions/{action}',
      '/api/v1/calendars/{id}/notice',
    ])
  })

  test('documents every route the app serves under /api/v1 and /health', async ({
    client,
    assert,
  }) => {
    const document = await fetchDocument(client)
    const documented = new Set(documentedOperations(document).map((entry) => entry.key))
    const served = servedRoutes()

    // the router really listed the app's routes
    assert.includeMembers(
      served.map((route) => route.key),
      ['GET /health', 'POST /api/v1/tickets/{id}/actions/{action}']
    )
    const missing = served
      .filter((route) => !documented.has(route.key))
      .map((route) => `${route.key} (${route.name})`)
    assert.deepEqual(missing, [], `routes missing from openapi.json: ${missing.join(', ')}`)
  })

  test('documents no operation the app does not serve', async ({ client, assert }) => {
    const document = await fetchDocument(client)
    const served = new Set(servedRoutes().map((route) => route.key))

    const stale = documentedOperations(document)
      .map((entry) => entry.key)
      .filter((key) => !served.has(key))
    assert.deepEqual(stale, [], `documented but not served: ${stale.join(', ')}`)
  })

  test('names each operation after its route and gives it responses', async ({
    client,
    assert,
  }) => {
    const document = await fetchDocument(client)
    const operations = documentedOperations(document)
    const byKey = new Map(operations.map((entry) => [entry.key, entry.operation]))

    const misnamed = servedRoutes()
      .filter((route) => byKey.has(route.key) && byKey.get(route.key).operationId !== route.name)
      .map((route) => `${route.key}: ${byKey.get(route.key).operationId} ≠ ${route.name}`)
    assert.deepEqual(misnamed, [])

    for (const { key, operation } of operations) {
      assert.isString(operation.operationId, `${key} has an operationId`)
      assert.isNotEmpty(operation.summary, `${key} has a summary`)
      const statuses = Object.keys(operation.responses ?? {})
      assert.isNotEmpty(statuses, `${key} has responses`)
      for (const status of statuses) assert.match(status, /^([1-5](\d\d|XX)|default)$/, key)
      assert.isTrue(
        statuses.some((status) => /^2/.test(status)),
        `${key} documents its success response`
      )
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0
      if (!isPublic) assert.property(operation.responses, '401', `${key} may answer 401`)
    }
    const ids = operations.map((entry) => entry.operation.operationId)
    assert.lengthOf(new Set(ids), ids.length, 'operationIds are unique')
  })

  test('offers every lifecycle action but register on the action route', async ({
    client,
    assert,
  }) => {
    const document = await fetchDocument(client)
    const operation = document.paths['/api/v1/tickets/{id}/actions/{action}'].post
    const action = operation.parameters.find((parameter: Json) => parameter.name === 'action')

    assert.deepEqual(
      action.schema.enum,
      ACTIONS.filter((name) => name !== 'register')
    )
    assert.property(operation.responses, '409')
    const conflict = resolve(document, operation.responses['409'].$ref)
    const entry = resolve(document, conflict.content['application/json'].schema.$ref).properties
      .errors.items
    assert.includeMembers(Object.keys(entry.properties), ['status', 'version', 'allowedActions'])
    assert.include(entry.properties.code.enum, 'E_INVALID_TRANSITION')
  })

  test('is well formed: references, path parameters, security, tags, schemas', async ({
    client,
    assert,
  }) => {
    const document = await fetchDocument(client)
    const problems: string[] = []
    const tags = new Set(document.tags.map((tag: Json) => tag.name))
    const schemes = Object.keys(document.components.securitySchemes)

    for (const [at, node] of walk(document)) {
      if (typeof node.$ref === 'string' && resolve(document, node.$ref) === undefined)
        problems.push(`${at}: unresolved ${node.$ref}`)
      // a `properties` map holds schemas by field name (a field may be called `type`)
      const isSchema = at.includes('/schema') || at.startsWith('#/components/schemas/')
      if (isSchema && !at.endsWith('/properties')) {
        const types = [node.type ?? []].flat()
        const known = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']
        for (const type of types)
          if (!known.includes(type)) problems.push(`${at}: unknown type ${type}`)
        if (node.properties && Array.isArray(node.required))
          for (const name of node.required)
            if (!(name in node.properties)) problems.push(`${at}: required ${name} undefined`)
      }
    }

    for (const { key, path, operation } of documentedOperations(document)) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
      const declared = (operation.parameters ?? [])
        .filter((parameter: Json) => parameter.in === 'path')
        .map((parameter: Json) => {
          if (parameter.required !== true) problems.push(`${key}: ${parameter.name} not required`)
          return parameter.name
        })
        .sort()
      if (inTemplate.join() !== declared.join())
        problems.push(`${key}: path parameters ${declared} for {${inTemplate}}`)
      for (const requirement of operation.security ?? [])
        for (const name of Object.keys(requirement))
          if (!schemes.includes(name)) problems.push(`${key}: unknown security ${name}`)
      for (const tag of operation.tags ?? [])
        if (!tags.has(tag)) problems.push(`${key}: undeclared tag ${tag}`)
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const resolved = (response as Json).$ref
          ? resolve(document, (response as Json).$ref)
          : response
        if (!resolved?.description) problems.push(`${key} ${status}: no description`)
      }
    }

    assert.deepEqual(problems, [])
  })
})
