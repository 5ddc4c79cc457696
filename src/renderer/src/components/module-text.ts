import { useTranslation } from 'react-i18next'
import { MODULES, type ModuleKey } from '@shared/modules'

/** A module's name and description in the chosen language (kept in src/shared/modules.ts). */
export function useModuleText(key: ModuleKey): { label: string; description: string } {
  const { i18n } = useTranslation()
  const def = MODULES[key]
  return i18n.language === 'en' ? def.en : { label: def.label, description: def.description }
}
