export function ChannelsTab() {
  return null
}
