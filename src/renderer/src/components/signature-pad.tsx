import { Box, Button, Group, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A signature drawn with a finger, a stylus or the mouse (pointer events), for the technician's
 * phone and the BAST of the registration board. Tells `onChange` the drawing as a PNG data URL
 * after each stroke, or null once cleared. The canvas follows its box's width and the screen's
 * pixel density, so the line stays sharp on a phone.
 */
export function SignaturePad({
  label,
  onChange,
  height = 180,
}: {
  label: string
  onChange: (png: string | null) => void
  height?: number
}) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const drawing = useRef(false)
  const last = useRef<{ x: number; y: number } | null>(null)
  const [empty, setEmpty] = useState(true)

  useEffect(() => {
    const c = canvas.current
    if (!c) return
    const ratio = window.devicePixelRatio || 1
    const width = c.getBoundingClientRect().width
    c.width = Math.round(width * ratio)
    c.height = Math.round(height * ratio)
    const ctx = c.getContext('2d')
    if (!ctx) return
    ctx.scale(ratio, ratio)
    ctx.lineWidth = 2.5
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.strokeStyle = '#1a1b1e'
  }, [height])

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    return { x: e.clientX - rect.left, y: e.clientY - rect.top }
  }

  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    drawing.current = true
    last.current = point(e)
    const ctx = e.currentTarget.getContext('2d')
    if (ctx) {
      // A tap leaves a dot.
      ctx.beginPath()
      ctx.arc(last.current.x, last.current.y, 1.2, 0, Math.PI * 2)
      ctx.fillStyle = '#1a1b1e'
      ctx.fill()
    }
  }

  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return
    const ctx = e.currentTarget.getContext('2d')
    if (!ctx) return
    const p = point(e)
    ctx.beginPath()
    ctx.moveTo(last.current.x, last.current.y)
    ctx.lineTo(p.x, p.y)
    ctx.stroke()
    last.current = p
  }

  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return
    drawing.current = false
    last.current = null
    setEmpty(false)
    onChange(e.currentTarget.toDataURL('image/png'))
  }

  const clear = () => {
    const c = canvas.current
    const ctx = c?.getContext('2d')
    if (c && ctx) {
      ctx.save()
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, c.width, c.height)
      ctx.restore()
    }
    setEmpty(true)
    onChange(null)
  }

  return (
    <Box>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={clear} disabled={empty}>
          {t('signaturePad.clear')}
        </Button>
      </Group>
      <canvas
        ref={canvas}
        aria-label={label}
        data-testid="signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{
          width: '100%',
          height,
          display: 'block',
          touchAction: 'none',
          border: '1px dashed var(--mantine-color-gray-5)',
          borderRadius: 'var(--mantine-radius-sm)',
          background: 'white',
        }}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t('signaturePad.hint')}
      </Text>
    </Box>
  )
}
