/**
 * Wires the background: message router, panel ports, per-tab contexts, the toolbar badge and reminders.
 * Called once by the entrypoint.
 */
import { type Browser, browser } from 'wxt/browser';
import {
  cadenceReminderFacts,
  callLinkCandidates,
  cancelDeclinedSession,
  declinedReminderFacts,
  followResentInstance,
  planSeenInstances,
  plannedCalendarInstances,
  heldReminderFacts,
  overdueAgreementCount,
  upcomingReminderFacts,
  endLiveSessionForCall,
  releaseCallSession,
  settleNotedMeetings,
  getSettings,
  openAgreementCounts,
  relationshipsLinkedToSeries,
  knownPeopleEmails,
  relationshipsWithPeopleEmails,
  getRelationship,
  updateRelationship,
} from '../db';
import { seedDemoDataIfEmpty } from '../demo/seed';
import { tokenOfPortName } from '../messaging/port';
import { OPEN_PANEL_COMMAND, OPEN_PANEL_SHORTCUT, REFRESH_BADGES } from '../messaging/protocol';
import { CALENDAR_MATCHES, CALENDAR_ORIGIN, MEET_MATCHES } from '../hosts';
import { DetailsCache } from './calendar';
import { CalendarClocks } from './calendar-clock';
import { createHandlers } from './handlers';
import { meetTabClosed, meetTabNavigated } from './meet';
import { PanelPorts } from './panel-ports';
import { Reminders } from './reminders';
import { createRouter } from './router';
import { type SessionArea, TabContexts } from './tab-contexts';
import { classifySender } from '../messaging/senders';

function memoryArea(): SessionArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}

export function startBackground(): void {
  const self = () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  const session = browser.storage.session as SessionArea | undefined;
  const tabContexts = new TabContexts(session ?? memoryArea());
  const ports = new PanelPorts();
  /** The contexts of the open Meet tabs besides this one. */
  const meetTabsBesides = async (tabId: number) => {
    const open = await browser.tabs.query({ url: [...MEET_MATCHES] }).catch(() => []);
    return Promise.all(
      open.flatMap((tab) => (tab.id === undefined || tab.id === tabId ? [] : [tabContexts.get(tab.id)])),
    );
  };

  /**
   * Calendar tabs to tell when Duet's data changed (their badges' answers are kept per event until then).
   * The set is memory only and a worker that was stopped and woken (MV3: after ~30 s idle) starts empty, so
   * the open Calendar tabs are also looked up (the host permission allows it).
   */
  const calendarTabs = new Set<number>();
  const refreshBadges = () => {
    void (async () => {
      const open = await browser.tabs.query({ url: [...CALENDAR_MATCHES] }).catch(() => []);
      for (const tab of open) if (tab.id !== undefined) calendarTabs.add(tab.id);
      for (const tabId of calendarTabs) {
        browser.tabs.sendMessage(tabId, { kind: REFRESH_BADGES }).catch(() => calendarTabs.delete(tabId));
      }
    })();
  };

  const clocks = new CalendarClocks(session ?? memoryArea());
  const reminders = new Reminders({
    settings: async () => (await getSettings()).reminders,
    overdueCount: (now) => overdueAgreementCount(now),
    upcoming: (now, minutes) => upcomingReminderFacts(now, minutes),
    held: (now, hours) => heldReminderFacts(now, hours),
    cadence: (now) => cadenceReminderFacts(now),
    declined: (events) => declinedReminderFacts(events),
    planSeen: (instances, now) => planSeenInstances(instances, now),
    planned: (from, to) => plannedCalendarInstances(from, to),
    follow: (instance, candidateIds) => followResentInstance(instance, candidateIds),
    cancelDeclined: (event) => cancelDeclinedSession(event),
    settleNoted: (now) => settleNotedMeetings(now),
    dataChanged: refreshBadges,
    clocks,
  });

  const router = createRouter(
    createHandlers({
      tabContexts,
      clocks,
      // The popover's guests outlive a worker stopped while idle (never on disk).
      details: new DetailsCache(500, session ?? memoryArea()),
      calendar: {
        settings: getSettings,
        linkedToSeries: async (seriesIds) =>
          (await relationshipsLinkedToSeries(seriesIds)).map((linked) => ({
            ...linked,
            seriesIds: linked.relationship.calendarSeriesIds,
          })),
        withPeopleEmails: relationshipsWithPeopleEmails,
        knownEmails: knownPeopleEmails,
        openAgreementCounts,
      },
      meet: {
        candidates: () => callLinkCandidates(),
        settings: getSettings,
        callEnded: async (relationshipId, meetCode) => {
          await endLiveSessionForCall(relationshipId, meetCode);
        },
        callReleased: (relationshipId, meetCode) => releaseCallSession(relationshipId, meetCode),
      },
      pushContext: (tabId, context) => ports.push(tabId, context),
      calendarTabSeen: (tabId) => calendarTabs.add(tabId),
      refreshBadges,
      eventsJudged: (judged, account) => reminders.eventsJudged(judged, account),
      daysShown: (shown, account) => reminders.daysShown(shown, account),
      dataChanged: () => void reminders.refreshBadge(),
      dataErased: () => reminders.forgetAll(),
      meetTabsBesides,
      linkMeetCode: async (relationshipId, meetCode) => {
        const relationship = await getRelationship(relationshipId);
        if (relationship && !relationship.meetCodes.includes(meetCode)) {
          await updateRelationship(relationshipId, {
            meetCodes: [...relationship.meetCodes, meetCode].slice(-50),
          });
        }
      },
    }),
    self,
  );

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    router(message, sender),
  );

  browser.runtime.onConnect.addListener((port) => {
    const sender = classifySender(port.sender ?? {}, self());
    const token = tokenOfPortName(port.name);
    if (token === undefined || !sender.ok || sender.kind !== 'extension-page' || sender.tabId === null) {
      port.disconnect();
      return;
    }
    const tabId = sender.tabId;
    // Only the panel frame this tab's content script opened hears about the tab.
    void tabContexts.frameAllowed(tabId, token).then((allowed) => {
      if (!allowed) {
        port.disconnect();
        return;
      }
      ports.add(tabId, port);
      void tabContexts.get(tabId).then((context) => ports.push(tabId, context));
    });
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (
      command !== OPEN_PANEL_COMMAND ||
      tab?.id === undefined ||
      !tab.url?.startsWith(`${CALENDAR_ORIGIN}/`)
    )
      return;
    browser.tabs.sendMessage(tab.id, { kind: OPEN_PANEL_SHORTCUT }).catch(() => undefined);
  });

  // A Meet tab in a call that went to another page left the call (no end screen to tell it).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (!change.url && change.status !== 'loading') return;
    // A page outside Duet's hosts has no address Duet may read: not the call's page.
    const url = change.url ?? tab.url ?? '';
    void (async () => {
      const context = await tabContexts.get(tabId);
      const left = await meetTabNavigated(
        context,
        url,
        () => meetTabsBesides(tabId),
        async (id, code) => {
          await endLiveSessionForCall(id, code);
        },
      );
      if (left) await tabContexts.set(tabId, left);
    })().catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    calendarTabs.delete(tabId);
    void (async () => {
      const closed = await tabContexts.get(tabId);
      await tabContexts.clear(tabId);
      if (closed?.surface !== 'meet') return;
      await meetTabClosed(closed, await meetTabsBesides(tabId), async (relationshipId, meetCode) => {
        await endLiveSessionForCall(relationshipId, meetCode);
      });
    })().catch(() => undefined);
  });

  // Listeners first (synchronously, so an alarm or a click that woke the worker is delivered), then the
  // badge and a first check.
  void reminders.start().catch(() => undefined);

  if (__DUET_DEMO__) {
    browser.runtime.onInstalled.addListener(() => {
      void seedDemoDataIfEmpty();
    });
  }
}
