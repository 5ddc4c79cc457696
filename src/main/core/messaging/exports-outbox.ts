// History, templates editing and broadcast: exported from here.
export {}
