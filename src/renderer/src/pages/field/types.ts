import type { RouterOutputs } from '../../session/session'
import type { useFieldOutbox } from '../../field/use-field-outbox'

export type FieldTask = RouterOutputs['field']['tasks'][number]
export type FieldOutbox = ReturnType<typeof useFieldOutbox>
