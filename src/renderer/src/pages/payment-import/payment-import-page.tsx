import {
  Alert,
  Anchor,
  Box,
  Button,
  FileInput,
  Group,
  LoadingOverlay,
  Modal,
  Paper,
  Stack,
  Stepper,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconAlertCircle,
  IconArrowLeft,
  IconArrowRight,
  IconCircleCheck,
  IconDownload,
  IconFileImport,
  IconFileSpreadsheet,
  IconRefresh,
} from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { formatRupiah } from '@shared/money'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { trpcClient } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { FigureGrid } from '../../components/figure-grid'
import { FormAlert } from '../../components/form-alert'
import { saveBase64 } from '../imports/file-data'
import { PreviewTable } from './preview-table'
import { usePaymentImport, type PaymentImport } from './use-payment-import'
import { countText } from '../../i18n'

/** The example file, built by the API from the same column list the importer reads. */
function TemplateButton() {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: () => trpcClient.paymentImport.template.query(),
    onSuccess: (file) => saveBase64(file.fileName, file.contentBase64),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('paymentImport.templateFailed'),
        message: errorMessage(t, error),
      }),
  })
  return (
    <Group gap="sm">
      <Button
        variant="default"
        size="sm"
        leftSection={<IconDownload size={16} />}
        loading={download.isPending}
        onClick={() => download.mutate()}
      >
        {t('paymentImport.template')}
      </Button>
      <Text fz="sm" c="dimmed">
        {t('paymentImport.templateHint')}
      </Text>
    </Group>
  )
}

function FileStep({ wizard }: { wizard: PaymentImport }) {
  const { t } = useTranslation()
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void wizard.showPreview()
      }}
    >
      <Stack gap="lg">
        <FileInput
          label={t('paymentImport.file')}
          description={t('paymentImport.fileHint')}
          placeholder={t('paymentImport.filePlaceholder')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={18} />}
          value={wizard.file}
          onChange={wizard.setFile}
          error={wizard.fileError ? t(wizard.fileError.key, wizard.fileError.params) : undefined}
          clearable
          required
          maw={520}
        />
        <FormAlert error={wizard.error} />
        <Group justify="space-between">
          <TemplateButton />
          <Button type="submit" rightSection={<IconArrowRight size={16} />}>
            {t('paymentImport.showPreview')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function Totals({ result }: { result: NonNullable<PaymentImport['preview']> }) {
  const { t } = useTranslation()
  const bad = new Set(result.errors.map((e) => e.row)).size
  const figure = (label: string, value: string, color?: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  )
  return (
    <FigureGrid testId="payment-import-totals">
      {figure(t('paymentImport.count'), countText(result.total.count))}
      {figure(t('paymentImport.total'), formatRupiah(result.total.amount))}
      {figure(t('paymentImport.problems'), countText(bad), bad ? 'red' : undefined)}
    </FigureGrid>
  )
}

function PreviewStep({ wizard }: { wizard: PaymentImport }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const preview = wizard.preview!
  const hasErrors = preview.errors.length > 0
  const count = preview.total.count
  return (
    <Stack gap="md">
      <Totals result={preview} />
      {hasErrors ? (
        <Alert
          color="red"
          icon={<IconAlertCircle size={18} />}
          title={t('paymentImport.errorsTitle', { count: preview.errors.length })}
          data-testid="payment-import-errors"
        >
          {t('paymentImport.errorsHint')}
        </Alert>
      ) : count === 0 ? (
        <Alert color="gray" variant="light" icon={<IconAlertCircle size={18} />}>
          {t('paymentImport.errors.no_rows')}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
          {t('paymentImport.ready')}
        </Alert>
      )}
      <PreviewTable preview={preview} />
      <FormAlert error={wizard.error} />
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} />}
          onClick={wizard.backToFile}
        >
          {t('paymentImport.changeFile')}
        </Button>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={hasErrors || count === 0}
          onClick={() => setConfirming(true)}
        >
          {t('paymentImport.commit', { count })}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('paymentImport.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text>
            {t('paymentImport.confirmBody', { count, total: formatRupiah(preview.total.amount) })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={wizard.committing}
              onClick={() => {
                void wizard.commit().finally(() => setConfirming(false))
              }}
            >
              {t('paymentImport.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

function DoneStep({ wizard }: { wizard: PaymentImport }) {
  const { t } = useTranslation()
  const result = wizard.result!
  return (
    <Stack gap="md" data-testid="payment-import-done">
      <Group gap="sm">
        <ThemeIcon color="teal" variant="light" size="lg" radius="xl">
          <IconCircleCheck size={22} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t('paymentImport.doneTitle')}
        </Title>
      </Group>
      <Text>
        {t('paymentImport.doneBody', {
          count: result.total.count,
          total: formatRupiah(result.total.amount),
          fileName: result.fileName,
        })}
      </Text>
      <Text fw={600} ff="monospace">
        {t('paymentImport.receipts', {
          first: result.receipts[0],
          last: result.receipts.at(-1),
        })}
      </Text>
      <Group gap="xs">
        <Button component={Link} to="/payments">
          {t('paymentImport.toPayments')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={wizard.startOver}
        >
          {t('paymentImport.again')}
        </Button>
      </Group>
    </Stack>
  )
}

/** `/payments/import`: a bank statement or collector list → preview → all payments at once. */
export function PaymentImportPage() {
  const { t } = useTranslation()
  const wizard = usePaymentImport()
  const active = wizard.result ? 2 : wizard.preview ? 1 : 0
  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to="/payments"
        fz="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('paymentImport.back')}
      </Anchor>
      <div>
        <Title order={1} fz="h2">
          {t('paymentImport.title')}
        </Title>
        <Text c="dimmed">{t('paymentImport.intro')}</Text>
      </div>
      <Paper withBorder radius="md" p="lg">
        <Stepper active={active} allowNextStepsSelect={false} size="sm" mb="xl">
          {(['file', 'preview'] as const).map((step) => (
            <Stepper.Step
              key={step}
              label={t(`paymentImport.steps.${step}`)}
              description={t(`paymentImport.stepHints.${step}`)}
            />
          ))}
        </Stepper>
        <Box pos="relative" mih={200} aria-busy={wizard.busy}>
          <LoadingOverlay
            visible={wizard.busy && !wizard.committing}
            zIndex={10}
            loaderProps={{ children: <Text fw={600}>{t('paymentImport.processing')}</Text> }}
          />
          {active === 0 && <FileStep wizard={wizard} />}
          {active === 1 && <PreviewStep wizard={wizard} />}
          {active === 2 && <DoneStep wizard={wizard} />}
        </Box>
      </Paper>
    </Stack>
  )
}
