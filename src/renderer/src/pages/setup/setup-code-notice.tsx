import { Alert, Code, Text } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/**
 * In the desktop window only: the one-time code another PC of the office needs to run this
 * wizard (the host serves the LAN from its first start). This PC needs no code.
 */
export function SetupCodeNotice({ code }: { code: string }) {
  const { t } = useTranslation()
  return (
    <Alert color="blue" variant="light" icon={<IconKey size={18} />} title={t('setup.codeTitle')}>
      <Text size="sm">
        {t('setup.codeShown')}{' '}
        <Code fz="md" fw={700} data-testid="setup-code">
          {code}
        </Code>
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {t('setup.codeLocal')}
      </Text>
    </Alert>
  )
}
