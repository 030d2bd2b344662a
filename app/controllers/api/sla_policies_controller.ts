import type { HttpContext } from '@adonisjs/core/http'
import CreatePolicyVersion from '#actions/sla/create_policy_version'
import WithdrawPolicyVersion from '#actions/sla/withdraw_policy_version'
import { listSlaPolicies } from '#services/sla_policy_listing'
import { createSlaPolicyValidator, listSlaPoliciesValidator } from '#validators/sla_policy'

export default class SlaPoliciesController {
  async index({ bouncer, request }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('view')
    const { history } = await request.validateUsing(listSlaPoliciesValidator, {
      data: request.qs(),
    })
    return { data: await listSlaPolicies(history ?? false) }
  }

  /** Adds a version; it never changes a row already in force. */
  async store({ auth, bouncer, request, response }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('manage')
    const input = await request.validateUsing(createSlaPolicyValidator)
    const policy = await new CreatePolicyVersion().handle(input, auth.getUserOrFail().id)
    return response.created({ data: policy })
  }

  async destroy({ bouncer, params, response }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('manage')
    await new WithdrawPolicyVersion().handle(params.id)
    return response.noContent()
  }
}
