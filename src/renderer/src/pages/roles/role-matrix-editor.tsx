import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Permission, Role } from '@shared/permissions'
import { queryClient, trpc, trpcClient } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import type { RouterOutputs } from '../../session/session'

type Matrix = RouterOutputs['roles']['matrix']
type Draft = Record<string, Permission[]>

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/** Checkboxes per role and permission; only the roles that changed are sent, one call each. */
export function RoleMatrixEditor({ matrix, editable }: { matrix: Matrix; editable: boolean }) {
  const { t } = useTranslation()
  const saved: Draft = Object.fromEntries(matrix.roles.map((r) => [r.role, r.permissions]))
  const [draft, setDraft] = useState<Draft>(saved)
  const changed = matrix.roles.filter(
    (r) => r.editable && !sameSet(draft[r.role] ?? [], r.permissions),
  )
  const roleNames = (roles: { role: Role }[]) => roles.map((r) => t(`roles.${r.role}`)).join(', ')

  const save = useMutation({
    mutationFn: async (roles: { role: Role; permissions: Permission[] }[]) => {
      // One role at a time: each is its own audited change, and a refusal stops the rest.
      for (const entry of roles) await trpcClient.roles.update.mutate(entry)
      return roles
    },
    onSuccess: (roles) => {
      notifications.show({
        color: 'teal',
        message: t('rolesPage.saved', { roles: roleNames(roles) }),
      })
      void queryClient.invalidateQueries(trpc.roles.matrix.queryFilter())
      void queryClient.invalidateQueries(trpc.auth.me.queryFilter())
    },
    onError: () => void queryClient.invalidateQueries(trpc.roles.matrix.queryFilter()),
  })

  const toggle = (role: Role, permission: Permission, on: boolean) =>
    setDraft((d) => {
      const current = d[role] ?? []
      return {
        ...d,
        [role]: on ? [...current, permission] : current.filter((p) => p !== permission),
      }
    })

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={760}>
        <Table striped withColumnBorders verticalSpacing="sm" data-testid="roles-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rolesPage.permission')}</Table.Th>
              {matrix.roles.map((r) => (
                <Table.Th key={r.role} ta="center">
                  {t(`roles.${r.role}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.permissions.map((p) => (
              <Table.Tr key={p.key} data-testid="permission-row" data-permission={p.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`permissions.${p.key}`)}
                  </Text>
                  {!p.grantable && (
                    <Badge size="xs" color="gray" variant="light" mt={4}>
                      {t('rolesPage.superadminOnly')}
                    </Badge>
                  )}
                </Table.Td>
                {matrix.roles.map((r) => {
                  const checked = r.editable ? (draft[r.role] ?? []).includes(p.key) : true
                  const disabled = !editable || !r.editable || !p.grantable || save.isPending
                  return (
                    <Table.Td key={r.role}>
                      <Group justify="center">
                        <Checkbox
                          checked={checked}
                          disabled={disabled}
                          onChange={(e) => toggle(r.role, p.key, e.currentTarget.checked)}
                          aria-label={`${t(`roles.${r.role}`)}: ${t(`permissions.${p.key}`)}`}
                        />
                      </Group>
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormAlert error={save.error} />
      {editable && (
        <Group justify="space-between">
          <Text size="sm" c={changed.length ? 'orange.8' : 'dimmed'}>
            {changed.length ? t('rolesPage.unsaved', { roles: roleNames(changed) }) : ''}
          </Text>
          <Group>
            <Button
              variant="default"
              disabled={!changed.length || save.isPending}
              onClick={() => setDraft(saved)}
            >
              {t('rolesPage.reset')}
            </Button>
            <Button
              disabled={!changed.length}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  changed.map((r) => ({ role: r.role, permissions: draft[r.role] ?? [] })),
                )
              }
            >
              {t('rolesPage.save')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  )
}
