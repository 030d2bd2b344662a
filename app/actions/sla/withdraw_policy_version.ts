import SlaPolicy from '#models/sla_policy'
import clock from '#services/clock_service'
import { DomainError } from '#exceptions/domain_error'

/** Withdraws a version that has not taken effect yet; versions in force stay. */
export default class WithdrawPolicyVersion {
  async handle(id: number): Promise<void> {
    const policy = await SlaPolicy.findOrFail(id)
    if (policy.effectiveFrom <= clock.now()) throw new DomainError('E_POLICY_IN_FORCE', 409)
    await policy.delete()
  }
}
