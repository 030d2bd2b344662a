import type { HttpContext } from '@adonisjs/core/http'
import ApiClient from '#models/api_client'
import CreateApiClient from '#actions/org/create_api_client'
import { createApiClientValidator } from '#validators/api_client'

export default class ApiClientsController {
  async index({ bouncer }: HttpContext) {
    await bouncer.with('ApiClientPolicy').authorize('manage')
    return { data: await ApiClient.query().orderBy('id') }
  }

  /** The secret is in this response only; it is stored encrypted. */
  async store({ bouncer, request, response }: HttpContext) {
    await bouncer.with('ApiClientPolicy').authorize('manage')
    const input = await request.validateUsing(createApiClientValidator)
    const { client, secret } = await new CreateApiClient().handle(input)
    return response.created({ data: client, secret })
  }

  async deactivate({ bouncer, params }: HttpContext) {
    await bouncer.with('ApiClientPolicy').authorize('manage')
    const client = await ApiClient.findOrFail(params.id)
    client.isActive = false
    await client.save()
    return { data: client }
  }
}
