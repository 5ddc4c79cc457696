import { Stepper, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { companyProfileInput, setupAdminInput } from '@shared/schemas'
import { queryClient, signIn, trpc } from '../../api/client'
import { errorCodeOf, validationIssues } from '../../api/errors'
import { EMPTY_COMPANY, type CompanyFormValues } from '../../components/company-fields'
import { PublicLayout } from '../../components/public-layout'
import { useFormState } from '../../forms/use-form-state'
import { AdminStep, type AdminFormValues } from './admin-step'
import { CompanyStep } from './company-step'
import { SetupCodeNotice } from './setup-code-notice'

const stripPrefix = (prefix: string) => (path: string) =>
  path.startsWith(prefix) ? path.slice(prefix.length) : null

/** First run: the company, then its owner; `setup.complete` signs the owner straight in. */
export function SetupPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [step, setStep] = useState(0)
  const company = useFormState<CompanyFormValues>(EMPTY_COMPANY)
  const admin = useFormState<AdminFormValues>({
    name: '',
    username: '',
    password: '',
    passwordConfirm: '',
    setupCode: '',
  })
  // Cached by the setup gate: whether this PC needs the host's one-time code, or (desktop window)
  // the code to show for other PCs.
  const status = useQuery(trpc.setup.status.queryOptions(undefined, { staleTime: Infinity }))
  const codeRequired = status.data?.setupCodeRequired ?? false

  const complete = useMutation(
    trpc.setup.complete.mutationOptions({
      onSuccess: ({ token }) => {
        signIn(token)
        queryClient.setQueryData(trpc.setup.status.queryKey(), {
          needsSetup: false,
          setupCodeRequired: false,
          setupCode: null,
        })
        notifications.show({ color: 'teal', message: t('setup.done') })
        void navigate('/', { replace: true })
      },
      onError: (error) => {
        if (errorCodeOf(error) === 'SETUP_ALREADY_DONE') {
          // Someone finished setup from another PC meanwhile: the gate moves on to sign-in.
          notifications.show({ color: 'orange', message: t('errors.SETUP_ALREADY_DONE') })
          void queryClient.invalidateQueries(trpc.setup.status.queryFilter())
          return
        }
        if (validationIssues(error).some((issue) => issue.path[0] === 'company')) {
          company.showServerError(error, {}, stripPrefix('company.'))
          setStep(0)
          return
        }
        admin.showServerError(
          error,
          {
            PASSWORD_TOO_WEAK: 'password',
            USERNAME_TAKEN: 'username',
            SETUP_CODE_REQUIRED: 'setupCode',
          },
          stripPrefix('admin.'),
        )
      },
    }),
  )

  const submitCompany = () => {
    if (company.validate(companyProfileInput, company.values)) setStep(1)
  }

  const submitAdmin = () => {
    const { passwordConfirm, setupCode, ...adminInput } = admin.values
    const valid = admin.validate(setupAdminInput, adminInput)
    // Checked after validate() (which replaces the errors) so every problem shows at once.
    const mismatch = passwordConfirm !== adminInput.password
    if (mismatch) admin.setFieldError('passwordConfirm', 'validation.password_mismatch')
    const codeMissing = codeRequired && setupCode.trim() === ''
    if (codeMissing) admin.setFieldError('setupCode', 'validation.required')
    if (valid && !mismatch && !codeMissing) {
      complete.mutate({
        company: company.values,
        admin: adminInput,
        ...(codeRequired ? { setupCode } : {}),
      })
    }
  }

  return (
    <PublicLayout title={t('setup.title')} width={640}>
      <Text c="dimmed" size="sm">
        {t('setup.intro')}
      </Text>
      {status.data?.setupCode && <SetupCodeNotice code={status.data.setupCode} />}
      <Stepper active={step} allowNextStepsSelect={false} onStepClick={setStep} size="sm">
        <Stepper.Step label={t('setup.stepCompany')} description={t('setup.stepCompanyHint')}>
          <CompanyStep form={company} onSubmit={submitCompany} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepAdmin')} description={t('setup.stepAdminHint')}>
          <AdminStep
            form={admin}
            onSubmit={submitAdmin}
            onBack={() => setStep(0)}
            pending={complete.isPending}
            codeRequired={codeRequired}
          />
        </Stepper.Step>
      </Stepper>
    </PublicLayout>
  )
}
