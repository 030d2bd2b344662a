import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { appUrl } from '#config/app'
import { buildOpenApiDocument } from '../../openapi/document.js'

const { version } = JSON.parse(await readFile(app.makePath('package.json'), 'utf8'))

/** Built once, when the route is first hit: it only changes with a deploy. */
const document = buildOpenApiDocument({ version, serverUrl: appUrl })

export default class OpenApiController {
  /** GET /api/v1/openapi.json: public, so client generators can fetch it. */
  async show() {
    return document
  }
}
