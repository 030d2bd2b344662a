import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import SlaPolicy from '#models/sla_policy'
import CreatePolicyVersion from '#actions/sla/create_policy_version'
import WithdrawPolicyVersion from '#actions/sla/withdraw_policy_version'
import clock from '#services/clock_service'
import { optionalId } from '#services/form_input'
import { listSlaPolicies } from '#services/sla_policy_listing'
import { DURATION_UNITS, SLA_STEPS } from '#domain/sla/steps'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'
import { createSlaPolicyValidator } from '#validators/sla_policy'

/** Admin pages for 时限规则: the versions in force, and a form to add one. */
export default class SlaPoliciesPagesController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('view')
    return view.render('pages/admin/sla_policies/index', {
      policies: await listSlaPolicies(),
      steps: SLA_STEPS,
      now: clock.now(),
    })
  }

  /** The form, prefilled from `?from=<id>` when "editing" an existing version. */
  async create({ bouncer, request, view }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('manage')
    const fromId = optionalId(request.qs().from)
    const [base, categories] = await Promise.all([
      fromId ? SlaPolicy.find(fromId) : null,
      Category.query().where('is_active', true).orderBy('path'),
    ])
    return view.render('pages/admin/sla_policies/form', {
      base,
      categories,
      steps: SLA_STEPS,
      units: DURATION_UNITS,
      kinds: KINDS,
      urgencies: URGENCIES,
      channels: CHANNELS,
    })
  }

  async store({ auth, bouncer, i18n, request, response, session }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('manage')
    const body = request.all()
    const input = await request.validateUsing(createSlaPolicyValidator, {
      data: {
        ...body,
        channel: body.channel || null,
        categoryId: optionalId(body.categoryId),
        effectiveFrom: body.effectiveFrom || undefined,
      },
    })
    await new CreatePolicyVersion().handle(input, auth.getUserOrFail().id)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.sla_policies.index')
  }

  async destroy({ bouncer, i18n, params, response, session }: HttpContext) {
    await bouncer.with('SlaPolicyPolicy').authorize('manage')
    await new WithdrawPolicyVersion().handle(params.id)
    session.flash('success', i18n.t('messages.common.saved'))
    return response.redirect().toRoute('admin.sla_policies.index')
  }
}
