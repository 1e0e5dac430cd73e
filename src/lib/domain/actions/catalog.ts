// Every mutation the rules know, by name (DOMAIN.md's table). Names and arguments are part of
// the sync contract: add new ones, never rename.
import { cancelLine } from './cancel-line';
import { cancelOrder } from './cancel-order';
import { changeLineWarehouse } from './change-line-warehouse';
import { changeShippingMethod } from './change-shipping-method';
import { createInvoice } from './create-invoice';
import { createReturn } from './create-return';
import { createShipment } from './create-shipment';
import { editShippingAddress } from './edit-shipping-address';
import { holdOrder } from './hold';
import { addToPreparation } from './preparation-add';
import { flushPreparation } from './preparation-flush';
import { markPicked } from './preparation-mark-picked';
import { packOrder } from './preparation-pack';
import { removeFromPreparation } from './preparation-remove';
import { shipOrder } from './preparation-ship';
import { releaseHold } from './release-hold';
import { replaceLine } from './replace-line';
import { setGiftMessage } from './set-gift-message';
import { updateSettings } from './settings-update';
import { adjustStock } from './stock-adjust';
import { setStockLocation } from './stock-set-location';
import type { ActionDef, LineActionDef, OrderActionDef } from './types';
import { createWarehouse } from './warehouse-create';
import { updateWarehouse } from './warehouse-update';

export const ORDER_ACTIONS = {
	'order.editShippingAddress': editShippingAddress,
	'order.setGiftMessage': setGiftMessage,
	'order.createReturn': createReturn,
	'order.cancel': cancelOrder,
	'order.hold': holdOrder,
	'order.releaseHold': releaseHold,
	'order.changeShippingMethod': changeShippingMethod,
	'order.createShipment': createShipment,
	'order.createInvoice': createInvoice
} satisfies Record<string, OrderActionDef>;

export const LINE_ACTIONS = {
	'order.replaceLine': replaceLine,
	'order.cancelLine': cancelLine,
	'order.changeLineWarehouse': changeLineWarehouse
} satisfies Record<string, LineActionDef>;

export const RECORD_ACTIONS = {
	'stock.adjust': adjustStock,
	'stock.setLocation': setStockLocation,
	'warehouse.create': createWarehouse,
	'warehouse.update': updateWarehouse,
	'settings.update': updateSettings
};

/** The preparation screen's actions: kept apart from ORDER_ACTIONS, so the order view has no such buttons. */
export const PREPARATION_ACTIONS = {
	'preparation.add': addToPreparation,
	'preparation.remove': removeFromPreparation,
	'preparation.markPicked': markPicked,
	'preparation.pack': packOrder,
	'preparation.ship': shipOrder,
	'preparation.flush': flushPreparation
} satisfies Record<string, ActionDef>;

export type LineActionName = keyof typeof LINE_ACTIONS;
export type OrderActionName = keyof typeof ORDER_ACTIONS | LineActionName;
export type RecordActionName = keyof typeof RECORD_ACTIONS;
export type PreparationActionName = keyof typeof PREPARATION_ACTIONS;
export type ActionName = OrderActionName | RecordActionName | PreparationActionName;

export const ACTIONS: Readonly<Record<ActionName, ActionDef>> = {
	...ORDER_ACTIONS,
	...LINE_ACTIONS,
	...RECORD_ACTIONS,
	...PREPARATION_ACTIONS
};

export const ORDER_ACTION_NAMES = [
	...Object.keys(LINE_ACTIONS),
	...Object.keys(ORDER_ACTIONS)
] as OrderActionName[];
export const LINE_ACTION_NAMES = Object.keys(LINE_ACTIONS) as LineActionName[];

/** The action of a mutation name, or undefined (never an inherited property such as toString). */
export function actionFor(name: string): ActionDef | undefined {
	return Object.hasOwn(ACTIONS, name) ? ACTIONS[name as ActionName] : undefined;
}
