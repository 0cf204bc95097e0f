import { ObjectType } from 'type-graphql';
import { connectionType } from '../../../shared/graphql/pagination';
import { SpotCheckDraw } from '../entities/spot-check-draw';

@ObjectType({ description: '双随机抽查名单 (分页)' })
export class SpotCheckDrawConnection extends connectionType(SpotCheckDraw) {}
