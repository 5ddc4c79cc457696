import { Box } from '@mantine/core'
import type { CSSProperties, ReactNode } from 'react'

/**
 * Figure cards side by side (totals, balances, counts) that wrap to the next line rather than
 * cut an amount: a card is never narrower than its caption and amount (app.css), starts at
 * `min` wide, and the cards of a line share the room that is left.
 */
export function FigureGrid({
  children,
  min = '10rem',
  testId,
}: {
  children: ReactNode
  min?: string
  testId?: string
}) {
  return (
    <Box
      className="figure-grid"
      style={{ '--figure-min': min } as CSSProperties}
      data-testid={testId}
    >
      {children}
    </Box>
  )
}
