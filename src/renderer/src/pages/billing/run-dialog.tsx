import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { formatRupiah } from '@shared/money'
import { billingRunInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import { intlLocale } from '../../i18n'
import { refreshBilling } from './refresh-billing'
import { RunPreview } from './run-preview'
import { defaultRunPeriod } from './run-period'
import type { RunResult } from './types'
import { DateField, MonthField } from '../../components/date-field'

interface Props {
  onClose: () => void
  /** After the run: show the list filtered to the period just billed. */
  onShowPeriod: (period: string) => void
}

type RunInput = { period: string; asOf?: string }

/**
 * The invoice run in two steps: a dry run shows what would be issued and who is left out and
 * why; only then are the invoices issued (numbers are gapless, so nothing is issued on a guess).
 */
export function RunDialog({ onClose, onShowPeriod }: Props) {
  const { t } = useTranslation()
  const form = useFormState({ period: defaultRunPeriod(new Date()), asOf: '' })
  const [preview, setPreview] = useState<{ input: RunInput; result: RunResult } | null>(null)
  const [done, setDone] = useState<RunResult | null>(null)
  const previewRun = useMutation(trpc.billing.previewRun.mutationOptions())
  const runPeriod = useMutation(
    trpc.billing.runPeriod.mutationOptions({
      onSuccess: (result) => {
        refreshBilling()
        setDone(result)
      },
    }),
  )
  const busy = runPeriod.isPending

  const submitForm = () => {
    const input: RunInput = { period: form.values.period, asOf: form.values.asOf || undefined }
    if (!form.validate(billingRunInput, input)) return
    previewRun.mutate(input, {
      onSuccess: (result) => setPreview({ input, result }),
      onError: (error) => form.showServerError(error),
    })
  }

  const label = (period: string) => periodLabel(period, intlLocale())

  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      withCloseButton={!busy}
      closeOnEscape={!busy}
      closeOnClickOutside={false}
      title={t('billing.run.title')}
      size="lg"
    >
      {done ? (
        <Stack gap="md" data-testid="run-done">
          <Alert
            color="green"
            icon={<IconCircleCheck size={18} />}
            title={t('billing.run.done', { period: label(done.period) })}
          >
            <Text fz="sm">
              {t('billing.run.doneBody', { count: done.invoices, total: formatRupiah(done.total) })}
            </Text>
            {done.creditNotes > 0 && (
              <Text fz="sm">{t('billing.run.creditNotes', { count: done.creditNotes })}</Text>
            )}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button onClick={() => onShowPeriod(done.period)}>
              {t('billing.run.showInvoices')}
            </Button>
          </Group>
        </Stack>
      ) : busy ? (
        <Stack align="center" gap="md" py="xl" aria-busy="true" data-testid="run-progress">
          <Loader />
          <Text ta="center" fz="sm">
            {t('billing.run.running')}
          </Text>
        </Stack>
      ) : preview ? (
        <Stack gap="md">
          <RunPreview result={preview.result} />
          <FormAlert error={runPeriod.error} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setPreview(null)}>
              {t('common.back')}
            </Button>
            <Button
              disabled={preview.result.invoices === 0}
              onClick={() => runPeriod.mutate(preview.input)}
            >
              {t('billing.run.issue', { count: preview.result.invoices })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            submitForm()
          }}
        >
          <Stack gap="md">
            <MonthField
              label={t('billing.run.period')}
              description={t('billing.run.periodHint')}
              required
              data-autofocus
              {...form.date('period')}
            />
            <DateField
              label={t('billing.run.asOf')}
              description={t('billing.run.asOfHint')}
              clearable
              {...form.date('asOf')}
            />
            <FormAlert error={form.serverError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={previewRun.isPending}>
                {t('billing.run.preview')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
