import { Text, type TextProps } from '@mantine/core'
import { formatRupiah } from '@shared/money'

/** Counted − expected: short in red, over in orange, exact in green; a plus sign when over. */
export function Difference({ amount, ...props }: TextProps & { amount: number }) {
  const color = amount < 0 ? 'red' : amount > 0 ? 'orange' : 'teal'
  return (
    <Text span c={color} fw={700} style={{ whiteSpace: 'nowrap' }} {...props}>
      {amount > 0 ? '+' : ''}
      {formatRupiah(amount)}
    </Text>
  )
}
