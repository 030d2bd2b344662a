import db from '@adonisjs/lucid/services/db'
import type Department from '#models/department'
import type Category from '#models/category'
import { hasActiveChildren, invalidParent } from '#exceptions/domain_error'

type TreeModel = typeof Department | typeof Category

/**
 * Deactivates or reactivates a node of the department or category tree.
 * Deactivation is refused while active children remain (they would be left
 * without a live parent for routing); reactivation under an inactive parent
 * is refused for the same reason.
 */
export default class SetNodeActive {
  async handle<M extends TreeModel>(
    model: M,
    id: number,
    active: boolean
  ): Promise<InstanceType<M>> {
    return db.transaction(async (trx) => {
      const node = await model.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
      if (!active) {
        const child = await model
          .query({ client: trx })
          .where('parent_id', id)
          .where('is_active', true)
          .first()
        if (child) throw hasActiveChildren()
      } else if (node.parentId) {
        const parent = await model.query({ client: trx }).where('id', node.parentId).firstOrFail()
        if (!parent.isActive) throw invalidParent('inactive')
      }
      node.isActive = active
      await node.save()
      return node as InstanceType<M>
    })
  }
}
