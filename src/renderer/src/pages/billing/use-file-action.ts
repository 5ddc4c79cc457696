import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/errors'

export interface Base64File {
  fileName: string
  contentBase64: string
}

/**
 * Fetches a generated file on demand (PDFs are made per request, never cached) and hands it
 * on; `loading` names the file being made so only its button spins.
 */
export function useFileAction() {
  const { t } = useTranslation()
  const [loading, setLoading] = useState<string | null>(null)
  const run = async (
    key: string,
    fetch: () => Promise<Base64File>,
    handle: (f: Base64File) => void,
  ) => {
    setLoading(key)
    try {
      handle(await fetch())
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) })
    } finally {
      setLoading(null)
    }
  }
  return { loading, run }
}
