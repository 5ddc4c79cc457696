import {
  Anchor,
  Box,
  Loader,
  LoadingOverlay,
  Paper,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { DoneStep } from './done-step'
import { FileStep } from './file-step'
import { parseKind } from './import-rules'
import { MappingStep } from './mapping-step'
import { PreviewStep } from './preview-step'
import { useImportWizard, type WizardStep } from './use-import-wizard'

/** Shown over the step while the API reads the file: 50,000 rows take a few seconds. */
function Processing() {
  const { t } = useTranslation()
  return (
    <Stack align="center" gap="xs" role="status" data-testid="import-processing">
      <Loader />
      <Text fw={600}>{t('importWizard.processing')}</Text>
      <Text fz="sm" c="dimmed">
        {t('importWizard.processingHint')}
      </Text>
    </Stack>
  )
}

/**
 * `/customers/import`: file → column matching → preview → commit. A workbook's three sheets
 * have fixed headers, so it skips the matching. `?kind=areas` opens it for another kind.
 */
export function ImportPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const wizard = useImportWizard(parseKind(params.get('kind')))
  const steps: Exclude<WizardStep, 'done'>[] =
    wizard.kind === 'workbook' ? ['file', 'preview'] : ['file', 'mapping', 'preview']
  const active = wizard.step === 'done' ? steps.length : steps.indexOf(wizard.step)

  // Each step starts at its top, not where the previous step's buttons were.
  useEffect(() => {
    window.scrollTo({ top: 0 })
  }, [wizard.step])

  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to="/customers"
        fz="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('importWizard.back')}
      </Anchor>
      <div>
        <Title order={1} fz="h2">
          {t('importWizard.title')}
        </Title>
        <Text c="dimmed">{t('importWizard.intro')}</Text>
      </div>
      <Paper withBorder radius="md" p="lg">
        <Stepper
          active={active}
          onStepClick={(i) => {
            // Back to an earlier step only; the later ones need this step's answer first.
            const target = steps[i]
            if (target && i < active && !wizard.busy && wizard.step !== 'done') wizard.goTo(target)
          }}
          allowNextStepsSelect={false}
          size="sm"
          mb="xl"
        >
          {steps.map((step) => (
            <Stepper.Step
              key={step}
              label={t(`importWizard.steps.${step}`)}
              description={t(`importWizard.stepHints.${step}`)}
              loading={wizard.busy && wizard.step === step}
            />
          ))}
        </Stepper>
        <Box pos="relative" mih={240} aria-busy={wizard.busy}>
          <LoadingOverlay
            visible={wizard.busy}
            zIndex={10}
            overlayProps={{ blur: 1, backgroundOpacity: 0.6 }}
            loaderProps={{ children: <Processing /> }}
            // The mapping table is long: the message stays in view wherever the page is scrolled.
            styles={{
              root: { alignItems: 'flex-start', overflow: 'visible' },
              loader: { position: 'sticky', top: '35vh', marginTop: 'var(--mantine-spacing-xl)' },
            }}
          />
          {wizard.step === 'file' && <FileStep wizard={wizard} />}
          {wizard.step === 'mapping' && <MappingStep wizard={wizard} />}
          {wizard.step === 'preview' && <PreviewStep wizard={wizard} />}
          {wizard.step === 'done' && <DoneStep wizard={wizard} />}
        </Box>
      </Paper>
    </Stack>
  )
}
