export {
  createUser,
  listUsers,
  resetUserPassword,
  setUserActive,
  toUserView,
  updateUser,
} from './users'
export type { ActingUser, NewUser, UserView } from './users'
