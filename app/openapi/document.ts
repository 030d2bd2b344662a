import { accountsArea } from './accounts.js'
import { authArea } from './auth.js'
import { calendarsArea } from './calendars.js'
import { BEARER, responses, schemas, securitySchemes } from './components.js'
import { notificationsArea } from './notifications.js'
import { organisationArea } from './organisation.js'
import type { ApiArea, Method, PathItem, Schema } from './schema.js'
import { serviceArea } from './service.js'
import { slaArea } from './sla.js'
import { ticketsArea } from './tickets.js'

/** In the order a reader meets them; each owns its paths and the schemas they name. */
const AREAS: ApiArea[] = [
  serviceArea,
  authArea,
  organisationArea,
  accountsArea,
  calendarsArea,
  slaArea,
  ticketsArea,
  notificationsArea,
]

const DESCRIPTION = `
A 12345 government-service hotline and complaint ticketing system (接诉即办).

JSON throughout; send \`Accept: application/json\` so errors come back as JSON.
Sign in with POST /api/v1/auth/tokens and send the token as \`Authorization: Bearer oat_...\`.
Messages follow \`Accept-Language\` (zh-CN by default, en); \`E_\` codes are stable.
Records outside the caller's reach answer 404, exactly as if they did not exist.
`.trim()

export interface BuildOptions {
  /** from package.json */
  version: string
  /** the deployment's APP_URL; the document's own origin when omitted */
  serverUrl?: string
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>

/**
 * The OpenAPI 3.1 description of /api/v1 and /health, assembled from the
 * areas. Two areas claiming the same operation or schema name is a bug, so
 * it throws rather than letting one silently win.
 *
 * @example buildOpenApiDocument({ version: '0.1.0' }).paths['/api/v1/tickets'].get.operationId // 'api.tickets.index'
 */
export function buildOpenApiDocument(options: BuildOptions) {
  const paths: Record<string, PathItem> = {}
  const areaSchemas: Record<string, Schema> = {}
  for (const area of AREAS) {
    for (const [path, item] of Object.entries(area.paths)) {
      const target = (paths[path] ??= {})
      for (const [method, operation] of Object.entries(item) as [Method, PathItem[Method]][]) {
        if (target[method]) throw new Error(`openapi: ${method.toUpperCase()} ${path} twice`)
        target[method] = { ...operation!, tags: [area.tag.name] }
      }
    }
    for (const [name, schema] of Object.entries(area.schemas ?? {})) {
      if (areaSchemas[name] || schemas[name]) throw new Error(`openapi: schema ${name} twice`)
      areaSchemas[name] = schema
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: '接诉 Jiesu API',
      version: options.version,
      description: DESCRIPTION,
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    tags: AREAS.map((area) => area.tag),
    security: [{ [BEARER]: [] as string[] }],
    paths,
    components: {
      securitySchemes,
      schemas: { ...schemas, ...areaSchemas },
      responses,
    },
  }
}
