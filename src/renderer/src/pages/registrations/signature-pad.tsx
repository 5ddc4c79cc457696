import { Box, Button, Group, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A box to sign in with a finger, a stylus or the mouse (pointer events, so it works on the
 * technician's phone too). Gives the drawing as PNG bytes in base64 (no `data:` prefix) after
 * each stroke, or null when empty or cleared.
 */
export function SignaturePad({
  label,
  onChange,
  error,
  testId,
}: {
  label: string
  onChange: (pngBase64: string | null) => void
  error?: string
  testId?: string
}) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const drawing = useRef(false)
  const [empty, setEmpty] = useState(true)

  useEffect(() => {
    const c = canvas.current
    if (!c) return
    const ctx = c.getContext('2d')!
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, c.width, c.height)
  }, [])

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = canvas.current!
    const r = c.getBoundingClientRect()
    return {
      x: ((e.clientX - r.left) * c.width) / r.width,
      y: ((e.clientY - r.top) * c.height) / r.height,
    }
  }
  const start = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    drawing.current = true
    const ctx = canvas.current!.getContext('2d')!
    const p = point(e)
    ctx.beginPath()
    ctx.moveTo(p.x, p.y)
  }
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return
    const ctx = canvas.current!.getContext('2d')!
    ctx.lineWidth = 2.5
    ctx.lineCap = 'round'
    ctx.strokeStyle = '#10243e'
    const p = point(e)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
    setEmpty(false)
  }
  const end = () => {
    if (!drawing.current) return
    drawing.current = false
    if (!empty || canvas.current) {
      const url = canvas.current!.toDataURL('image/png')
      onChange(url.slice(url.indexOf(',') + 1))
    }
  }
  const clear = () => {
    const c = canvas.current!
    const ctx = c.getContext('2d')!
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, c.width, c.height)
    setEmpty(true)
    onChange(null)
  }
  return (
    <Box>
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={clear} disabled={empty}>
          {t('registrations.bast.clear')}
        </Button>
      </Group>
      <canvas
        ref={canvas}
        width={440}
        height={160}
        aria-label={t('registrations.bast.padLabel', { who: label })}
        data-testid={testId}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerLeave={end}
        style={{
          width: '100%',
          height: 160,
          border: `1px solid ${error ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-gray-4)'}`,
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
          cursor: 'crosshair',
        }}
      />
      {error && (
        <Text c="red" size="xs" mt={4}>
          {error}
        </Text>
      )}
    </Box>
  )
}
