import type { Translate } from '../who'
import { cliMessagesEn, cliMessagesId } from './cli'
import { enMessages } from './en'
import { idMessages } from './id'
import { entityTypesEn, entityTypesId, whoMessagesEn, whoMessagesId } from './who'

type Tree = { readonly [key: string]: string | Tree }

/**
 * A small `t` over a message tree for code without i18next (the CLI, documents): dotted keys,
 * `{{name}}` values, and `defaultValue` when the key is missing, like i18next does.
 */
export function translator(tree: Tree): Translate {
  return (key, values = {}) => {
    const found = key
      .split('.')
      .reduce<string | Tree | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        tree,
      )
    const text =
      typeof found === 'string'
        ? found
        : typeof values.defaultValue === 'string'
          ? values.defaultValue
          : key
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    )
  }
}

/** Indonesian texts for code outside the UI (documents, exports, CLI): who/what names included. */
export const translateId: Translate = translator({
  ...idMessages,
  cli: cliMessagesId,
  who: whoMessagesId,
  entityTypes: entityTypesId,
})

export const translateEn: Translate = translator({
  ...enMessages,
  cli: cliMessagesEn,
  who: whoMessagesEn,
  entityTypes: entityTypesEn,
})
