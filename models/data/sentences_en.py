"""English utterances, written by hand by the qa team (2026-11).

One utterance a line: ``CODES|ROLE|TEXT`` or ``CODES|ROLE|TEXT|NOTE``.
CODES: E empathy, A apology, S resolution_specific, V resolution_vague, R arguing,
C condescension, B backchannel, ``-`` no label.  ROLE: ``a`` agent, ``c`` customer.
Lines starting with ``#`` are section comments.
"""

RAW = r"""
# ---- empathy (agent) ----
E|a|I understand how frustrating it must be to have no internet for three days while working from home.
E|a|That sounds really stressful, especially with the wedding only a week away.
E|a|I can hear how upset you are, and honestly I'd feel the same if my card was declined at the till.
E|a|Being stuck at the airport overnight with two small kids must have been exhausting.
E|a|It makes complete sense that you're annoyed — you've called us four times about the same bill.
E|a|I can only imagine how worrying it was to see money leave your account that you didn't spend.
E|a|You were looking forward to that dinner, and getting the wrong order on your birthday is disappointing.
E|a|Waiting in all day for an engineer who never turned up is a horrible way to lose a day off.
E|a|I completely get why you'd feel let down after paying extra for next-day delivery.
E|a|That must have been embarrassing, having the payment fail in front of your clients.
E|a|I understand your concern — when the power's off, the food in the freezer is the first thing you think about.
E|a|Anyone would be upset to find the sofa scratched right after it was delivered.
E|a|I hear you; spending forty minutes on hold just to be cut off is maddening.
E|a|It sounds like this has been dragging on for weeks and you're just worn out by it.
E|a|Of course you're angry, you were charged twice and nobody explained why.
E|a|I can tell this really matters to you, it was a gift for your mother.
E|a|Losing your luggage at the start of a holiday really takes the shine off the whole trip.
E|a|I understand, it's your money and you need to know where it's gone.
E|a|That would worry me too, a gas smell is not something anyone should ignore.
E|a|You've been patient with us for a long time, and I can see that patience has run out, which is fair.
E|a|It's completely understandable that you don't want to repeat the whole story again.
E|a|I appreciate how inconvenient it is to have no hot water with a newborn at home.
E|a|So the coat arrived torn, on the very day you needed it — that's really disappointing.
E|a|Sorry to hear the roaming charges came as such a shock after your trip.
E|a|It must feel like nobody's been listening to you, and I want to change that.
E|a|I understand that missing the connecting flight threw your whole plan off.
E|a|That's a really unpleasant surprise to find on a statement, I get it.
E|a|Having the cake arrive squashed an hour before the party must have been awful.
E|a|I can see why you'd lose trust in us after the third missed delivery.
E|a|It's natural to feel anxious when your account is locked and payday is tomorrow.
E|a|Yeah, I'd be fed up too if the same fault came back a week after the repair.
E|a|You're right to be concerned about that — it's your personal data.
E|a|Having your phone cut off while you're abroad would scare anyone.
E|a|I understand how disappointing it is when something you saved up for breaks in the first month.
E|a|That sounds like a really long and difficult morning for you.
E|a|I can imagine how tiring it is to chase this while you're also looking after your dad.
E|a|Being spoken to like that by our staff must have been really hurtful.
E|a|I know it's not just about the money, it's the hassle you've been put through.
E|a|It sounds like the noise from the meter box has been keeping you up at night, which is miserable.
E|a|I get that this was supposed to be a simple switch and it's become a headache.
E|a|You've clearly gone to a lot of effort to sort this out yourself before calling.
E|a|Finding a hair in your food is genuinely off-putting, I completely understand.
E|a|I understand you feel misled by the advert, and I can see how it reads that way.
E|a|Getting a final warning letter when you've paid on time would make anyone furious.
# ---- empathy (customer side / other) ----
E|c|I know it's not your fault, you must get calls like this all day.
E|c|I can tell you're trying your best, and I appreciate that it's not an easy job.
E|c|You sound swamped today, I understand.
# ---- empathy + apology ----
EA|a|I'm so sorry you had to wait two weeks, that must have been really frustrating.
EA|a|I can hear how upset you are, and I'm truly sorry we let you down.
EA|a|That sounds awful, and I apologise — you shouldn't have had to chase us for it.
EA|a|I'm really sorry the engineer didn't show up; I know you took the day off work for it.
EA|a|I understand how stressful this has been, and I'm sorry our error caused it.
EA|a|We got your order wrong on a special night, and I'm genuinely sorry for spoiling it.
EA|a|I apologise for the mix-up, I know how worrying it is to see a double charge.
EA|a|That must have been such a shock, and I'm sorry we didn't warn you about the outage.
EA|a|I'm sorry you were treated so rudely at the branch, nobody deserves to feel like that.
EA|a|My apologies — being left on hold that long when you're already upset is not okay.
EA|a|I'm sorry, I can imagine how exhausting it is to explain this for the fifth time.
EA|a|I'm really sorry the flowers arrived wilted, I know they were for your anniversary.
EA|a|I understand why you're angry, and please accept my apology on behalf of the team.
EA|a|Sorry that the cancellation left you stranded, that's the last thing you needed on a work trip.
EA|a|I do apologise, it must be so annoying to find the same damp patch coming back.
EA|a|I'm so sorry about your bag — I know it had your medication in it, which makes it so much worse.
EA|a|Please forgive us, I can see this has really knocked your confidence in the bank.
EA|a|I'm sorry, that must have been frightening, having the card swallowed abroad.
EA|a|I'm really sorry, I know you were counting on that parcel arriving before the weekend.
EA|a|I understand this has cost you a whole evening, and I'm sorry for that.
EA|c|Sorry for shouting earlier, I know you're just trying to help me.
# ---- apology (agent) ----
A|a|I'm sorry for the trouble this has caused.
A|a|Please accept our apologies for the delay.
A|a|I apologise, that was our mistake.
A|a|We're sorry — we should have sent the right size the first time.
A|a|I'm very sorry, the charge should never have gone through.
A|a|That's on us, and I apologise.
A|a|My apologies, I gave you the wrong information last time you called.
A|a|We got that wrong and I'm sorry.
A|a|I'm sorry we didn't call you back when we promised.
A|a|On behalf of the company, I sincerely apologise.
A|a|Sorry about that, the fault is entirely ours.
A|a|I do apologise for the inconvenience.
A|a|I'm sorry, our courier should have knocked instead of leaving a card.
A|a|We owe you an apology for how the last call was handled.
A|a|I'm sorry the technician was late; that isn't the standard we aim for.
A|a|Apologies, that letter went out by mistake.
A|a|I'm sorry, I should have checked that before transferring you.
A|a|We made an error on your meter reading, and I apologise for that.
A|a|I want to apologise for the mix-up with your booking.
A|a|Really sorry about the cold food, the kitchen shouldn't have let it go out like that.
A|a|I'm sorry, that's not the service we want you to get from us.
A|a|Our mistake entirely — sorry.
A|a|I apologise for keeping you waiting so long.
A|a|I'm sorry our website showed the wrong price.
A|a|We're very sorry for the disruption to your service yesterday.
A|a|Sorry, I should have explained the early termination fee when you signed up.
A|a|I apologise that the refund hasn't reached you yet.
A|a|I'm sorry we lost your paperwork.
A|a|Forgive me, I misread your account number a moment ago.
A|a|Sincere apologies for the error on your statement.
A|a|I'm sorry your complaint wasn't logged the first time.
A|a|We apologise for the rude message you received from our driver.
A|a|I'm sorry for the confusion, that was badly explained on our side.
A|a|I'm so sorry, you're right, the seat you paid for should have been honoured.
A|a|Sorry — the delivery slot was our error, not yours.
A|a|Apologies for the wrong item, our warehouse picked the wrong colour.
A|a|I'm sorry it's taken three calls to get this far.
A|a|We are sorry that the upgrade caused your line to drop.
# ---- apology (customer) ----
A|c|Sorry, that was my mistake, I gave you the old postcode.
A|c|I apologise, I didn't mean to raise my voice.
A|c|Oh, sorry, I read the wrong number off the card.
A|c|My fault, I should have checked the size chart.
A|c|Sorry for being short with you earlier.
A|c|I'm sorry, I forgot to mention I'd already paid by transfer.
# ---- apology + resolution specific ----
AS|a|Sorry about that — I've just refunded the twenty pounds and you'll see it in three to five working days.
AS|a|I apologise; I'm sending a replacement today by express and you'll have it tomorrow before one.
AS|a|That was our error, I'm sorry — I've credited fifteen dollars to this month's bill.
AS|a|I'm sorry for the wait; I've booked an engineer for Thursday morning between eight and twelve.
AS|a|My apologies, I'll rebook you on the 6:40 flight tomorrow and email the new boarding pass within the hour.
AS|a|So sorry about the cold pizza — I've put a full refund through and a new one is leaving the kitchen now.
AS|a|We got that wrong, sorry; I've reversed the late-payment fee this minute, so your balance is back to zero.
AS|a|Apologies, I'll personally call you back at 4pm today once the courier confirms the pickup.
# ---- resolution specific ----
S|a|I'll ship a replacement today and call you tomorrow by noon to confirm it's arrived.
S|a|I've raised a refund of $49.99 to your original card; it'll show within five working days.
S|a|I'm booking a technician for Monday between 1 and 5pm, and you'll get a text with their name the night before.
S|a|I've escalated this to our billing manager, Sarah Lim, and she'll phone you before 3 o'clock tomorrow.
S|a|What I'll do is waive this month's line rental, that's £18, and it'll come off your next bill.
S|a|I've put a hold on the card and a new one will be posted tonight, arriving by Thursday.
S|a|We'll collect the damaged fridge on Saturday morning and deliver the new one on the same trip.
S|a|I'm transferring 2,000 bonus miles to your account right now as compensation.
S|a|Your case number is 58213; I'll email you an update every Friday until it's closed.
S|a|I've reconnected your supply remotely — it should be back on within the next fifteen minutes.
S|a|I can reroute the parcel to your office address and it will be delivered by 6pm today.
S|a|I'll send you a prepaid returns label by email in the next ten minutes.
S|a|I'm refunding the delivery fee and sending a voucher for 20% off your next order, both by tonight.
S|a|I've reset your password and the temporary code is going to your phone as we speak.
S|a|I'll raise the dispute with the merchant today and we'll credit the amount back while it's investigated, usually within 48 hours.
S|a|Let me book you into the hotel at the airport tonight; the voucher will be at the service desk in Terminal 2.
S|a|I'm going to swap your router for the newer model; it goes out tomorrow by courier and you don't need to send the old one back first.
S|a|I'll call the branch myself this afternoon and ring you back by five with what they say.
S|a|I've applied the correct tariff back to March, so you'll receive a credit of $63.20 on your next statement.
S|a|I've unlocked the account; you can log in now, and I'll stay on the line while you try.
S|a|Tomorrow at 10am our senior engineer will come and check the boiler, free of charge.
S|a|I'm issuing a full refund for the meal — £34.50 — and it goes back to your card today.
S|a|I'll escalate this to the fraud team now with priority, and they'll call you within two hours on this number.
S|a|I can offer you a free seat change to row 12 on the return flight, I've done it already.
S|a|A new bill with the corrected reading will be emailed to you by Wednesday.
S|a|I'll arrange a courier to pick up the laptop from your home tomorrow between nine and one.
S|a|I've cancelled the direct debit, so nothing more will be taken on the 1st.
S|a|We'll repaint the door at no cost — our team can come on the 14th, does the morning suit you?
S|a|I've added 10GB of free data to your plan for the rest of this month.
S|a|I'll write to you by Friday with the full investigation outcome, and I'm the person you can call in the meantime — extension 4412.
S|a|The money you were charged twice, $120, is being reversed now; it should land by tomorrow morning.
S|a|I'm sending a driver back out with your missing side dishes — he'll be there in about twenty-five minutes.
S|a|I'll put a note on your file and personally check on Tuesday that the engineer's visit is confirmed.
S|a|I'm going to refund the difference in fare, £87, and send the confirmation to your email now.
S|a|I've ordered the replacement part; the shop will call you on Thursday to fit it.
S|a|We'll move your installation to this Saturday at 9am, and I'll confirm by text within the hour.
S|a|I've removed the roaming charges, all £212 of them, from this bill.
S|a|I'll handle your claim myself; my name is Daniel and you'll hear from me by end of day tomorrow.
S|a|A manager from the store will call you at six this evening to arrange the exchange.
S|a|I can issue a reprint of your statement today and post it first class.
S|a|I've extended your payment date by fourteen days, so there'll be no late fee this month.
S|a|I've asked the depot to hold the parcel, you can pick it up from 4pm with your ID.
S|a|The refund for the cancelled flight has been approved; you'll get the full $640 back within seven days.
S|a|I'm going to replace the whole set, not just the broken plate, and it'll ship on Monday.
S|a|I'll check with the engineer directly after this call and text you his arrival time by 2pm.
S|a|I'll upgrade you to the fibre plan at the old price for twelve months, starting today.
S|a|I've raised job number 7741 for the leak; a plumber will be with you within four hours.
S|a|What I'll do right now is cancel that order and place a new one with free express shipping.
S|a|I'll get a supervisor to review the recording today, and I'll call you tomorrow afternoon with the result.
S|a|I'm issuing a £25 goodwill credit, and it's already showing on your account.
S|c|If you can refund it to my card by Friday, I'll leave it there.
S|a|I'll re-send the activation SIM by recorded delivery; it should be with you on Wednesday.
# ---- resolution vague ----
V|a|We'll look into it.
V|a|Someone will get back to you.
V|a|I'll pass this on to the team and they'll sort something out.
V|a|Let me see what I can do for you.
V|a|We'll try to get this fixed as soon as possible.
V|a|I'll make a note of it and someone should contact you.
V|a|I'm sure we can work something out.
V|a|We'll take care of it, don't worry.
V|a|I'll raise it with my manager.
V|a|I'll flag this up and we'll see about a refund.
V|a|We'll investigate and let you know.
V|a|Leave it with me and I'll see what's possible.
V|a|We should be able to offer you some kind of compensation.
V|a|I'll report the fault and hopefully it gets resolved soon.
V|a|We'll get someone out to have a look at some point.
V|a|I'll chase it up for you.
V|a|Let me check what options we have and come back to you.
V|a|We'll try and make it right.
V|a|I'll escalate this.
V|a|I'll ask the billing department to look at your account.
V|a|There might be something we can do about the fee, let me find out.
V|a|We'll definitely be in touch about it.
V|a|I'll put in a request for a replacement.
V|a|I'll see if the warehouse can send another one.
V|a|We'll review your case.
V|a|Hopefully we can get you a credit for that.
V|a|I'll feed that back and we'll work on a solution.
V|a|We'll sort it out, one way or another.
V|a|Let me have a word with the kitchen about it.
V|a|Someone from the technical team will probably call you.
V|a|I'll do my best to get this resolved.
V|a|We'll look at getting the engineer rebooked.
V|a|I'll log a complaint and it'll be dealt with.
V|a|We can probably refund part of it.
V|a|I'll send this over to the relevant team for follow-up.
V|a|We'll find a way to fix your bill.
V|a|I'm going to see about getting you moved to a better seat.
V|a|Let me raise a ticket and the team will be in contact.
V|a|I'll try to speed things up on our side.
V|a|I'll see whether we can waive the charge.
V|a|Our specialists will review it and reach out.
V|a|I'll speak to the courier company and find out what happened.
V|a|We'll have a look at your meter when we can.
V|a|I'll see about getting you something for the trouble.
V|a|We'll work on it and update you soon.
V|a|Leave it with us, we'll look after it.
V|a|I'll make sure the right people hear about this.
V|a|We'll get it replaced for you.
V|a|I'll look into the refund and call you back.
V|a|I'll talk to my supervisor and we'll figure something out.
V|a|We will try to recover your bag as soon as we can.
V|a|I'll put a note on the account so it gets looked at.
V|a|Let me find out what can be done about the damage.
V|a|We'll sort out a repair for you.
V|a|We'll make it up to you somehow.
V|a|I'll arrange for someone to contact you about the installation.
V|c|Just get someone to call me back when you know more.
V|c|Can you at least look into it?
# ---- apology + vague ----
AV|a|I'm sorry about this, we'll look into it right away.
AV|a|Apologies for the hassle, I'll get someone to follow it up.
AV|a|Sorry for the trouble — let me see what I can do.
AV|a|I apologise; I'll raise it with the team and we'll fix it.
AV|a|Sorry, I'll chase it up with the warehouse.
EV|a|I can see how inconvenient this is, so let me see what we can do to help.
EV|a|I understand it's really frustrating, we'll get to the bottom of it.
# ---- arguing (agent) ----
R|a|That's not true, we sent you three reminders.
R|a|What's the difference? It's the same product.
R|a|You must have used it wrong.
R|a|It's not our fault, the courier is a separate company.
R|a|No, that's not what happened at all.
R|a|Well, you should have read the terms before you signed.
R|a|I don't see what the problem is, it works perfectly on our end.
R|a|You agreed to this when you ticked the box, so you can't complain now.
R|a|We didn't do anything wrong here.
R|a|That's impossible, our system doesn't make mistakes like that.
R|a|If you'd been in when the driver came, this wouldn't have happened.
R|a|With respect, you're wrong about that.
R|a|You clearly dropped it, the screen doesn't crack on its own.
R|a|Plenty of other customers use this phone without any issues.
R|a|No, no, you're not listening to me.
R|a|That's your bank's problem, not ours.
R|a|I'm telling you, the payment never came in.
R|a|Are you sure you even plugged it in properly?
R|a|It's the weather, we can't control the weather, so what do you expect us to do?
R|a|You were told about the fee, it's on the recording.
R|a|The food was fine when it left, it must have been you who left it out.
R|a|But you said you wanted the large one.
R|a|I disagree, the engineer did everything he was supposed to.
R|a|Well that's not what you told my colleague yesterday.
R|a|It isn't a fault, that's just how the product is designed.
R|a|You obviously entered your PIN wrong three times.
R|a|There's no way our driver said that.
RC|a|Honestly, you're making a big deal out of a small scratch.
R|a|The delay is because of air traffic control, it has nothing to do with us.
R|a|Then why didn't you report it straight away?
R|a|I'm not going to argue with you, but you're simply mistaken.
R|a|That's not a defect, you just don't know how to use the settings.
R|a|You should have checked the order before the driver left.
R|a|It says delivered, so it was delivered.
R|a|We're not responsible for what you did with the appliance after it arrived.
RC|a|Many people don't complain about this, so I don't see why you are.
R|a|You're the one who chose the cheapest plan.
R|a|That can't be right, you must be looking at an old bill.
# ---- arguing (customer) ----
R|c|That's not true, I never got any email from you.
R|c|No, I didn't drop it, it broke by itself.
R|c|Your colleague told me the opposite yesterday, so which is it?
R|c|That's rubbish, the parcel was never delivered.
R|c|Don't tell me it's my fault, I followed every instruction.
R|c|You keep saying that, but it's still not working.
R|c|I was in all day, nobody knocked, so don't pretend they did.
R|c|That's not what your website says.
R|c|No, you're wrong, I paid on the 2nd.
R|c|Stop blaming the courier, I bought it from you.
# ---- arguing + condescension ----
RC|a|It's not our fault you didn't read the instructions, most people manage it just fine.
RC|a|Look, it's really not that complicated, you just didn't press the button.
C|a|I've explained this three times now, I don't know how else to put it for you.
RC|a|If you'd bothered to read the email, you'd know the flight was moved.
C|a|Everyone else seems to understand the bill, I don't know why you can't.
RC|a|You're lucky we're even talking about a refund, considering you broke it.
C|a|With all due respect, maybe leave the technical stuff to the experts.
RC|a|We can't help it if customers don't know how to use a microwave.
RC|a|It's obviously user error, which is pretty common with people your age.
C|c|Do you even know how your own system works?
C|c|I'm clearly the only person on this call who has read the contract.
# ---- condescension (agent) ----
C|a|You know, we usually charge for that, so you're lucky today.
C|a|Next time read the instructions.
C|a|I've never seen anyone so picky.
C|a|Well, thank you SO much for your patience, I'm sure the manual was very hard to read.
C|a|Just so you know, most people figure that out on their own.
C|a|There you go, sorted — maybe double-check your address next time, hmm?
C|a|I'll do it this once, but don't make a habit of it.
C|a|Okay, it's fixed. It was literally just the power switch, by the way.
C|a|Congratulations, you've found the on button.
C|a|Lucky for you I'm in a good mood today.
C|a|Normally we wouldn't do this for someone who paid late, but fine.
C|a|Let me explain this slowly so you can follow.
C|a|I'm sure it's all very confusing for you.
C|a|Right, well, hopefully you'll remember your password this time.
C|a|Try to keep your receipt in future, it's not hard.
C|a|You realise this is a five-pound item, don't you?
C|a|It's a kettle, sir, not a spaceship.
CS|a|Your refund's done, and do remember we're not a free repair service.
C|a|We're going above and beyond here, I hope you appreciate that.
C|a|I suppose some people just like to complain.
C|a|Ma'am, reading the label would have saved us both ten minutes.
C|a|Well done for finally finding your account number.
C|a|Okay, I'll spell it out for you: M-E-N-U.
C|a|Honestly, most kids could set this up.
RC|a|So the problem was you hadn't topped up. Mystery solved.
C|a|Be more careful with the next one, these aren't cheap.
C|a|Great, glad we got there in the end, it only took twenty minutes.
C|a|I'll let it slide this time.
C|a|Not everyone gets a free replacement, just so you're aware.
RC|a|Oh, I'm sure you "definitely" posted it on time.
C|a|Maybe write the date down somewhere next time so you don't forget.
C|a|Well, that was an easy one, wasn't it?
C|a|If everyone was as demanding as you, we'd never get anything done.
C|a|For future reference, the big red button means stop.
C|a|I've done you a huge favour here, you know.
C|a|Don't worry, you're not the first person to get confused by a simple form.
RC|a|I'd suggest learning how internet banking works before blaming us.
RC|a|Anyway, it's sorted now, no thanks to the way you entered the address.
CV|a|Most of our customers can handle a self-install, but we'll send someone for you.
C|a|Good thing one of us was paying attention.
C|a|Hopefully that's a lesson learned.
CS|a|I've waived the fee, which I really didn't have to do.
C|a|There, was that so hard?
C|a|Thank you ever so much for shouting at me, very helpful.
# ---- condescension (customer) ----
C|c|Wow, and they let you answer the phones?
C|c|Let me make this simple enough for you to understand.
C|c|Thank you ever so much for your incredibly useful help.
C|c|Maybe your manager can explain it, since you clearly can't.
C|c|Well done, it only took you five calls to figure that out.
C|c|I'll talk slower so you can keep up.
# ---- backchannel ----
B|a|Mm-hm.
B|a|Right.
B|a|Okay.
B|a|I see.
B|a|Uh-huh.
B|a|Yeah.
B|a|Yes.
B|a|Sure.
B|a|Got it.
B|a|Right, right.
B|a|Okay, yeah.
B|a|Mhm, go on.
B|a|I see, okay.
B|a|Yep.
B|a|All right.
B|a|Oh, okay.
B|a|Oh, I see.
B|a|Oh right.
B|a|Mm.
B|a|Hmm.
B|a|Yes, yes.
B|a|Go on.
B|a|Please go on.
B|a|I'm listening.
B|a|Uh-huh, yes.
B|a|Okay, and then?
B|a|And then what happened?
B|a|Right, okay.
B|a|Understood.
B|a|Noted.
B|a|That makes sense.
B|a|Sure, sure.
B|a|Yes, I'm with you.
B|a|Okay, got that.
B|a|Mm, yes.
B|a|Right, I see.
B|a|Ah.
B|a|Ah, okay.
B|a|Ah right.
B|a|Exactly.
B|a|Yes, of course.
B|a|Okay, noted.
B|a|Right, yes.
B|a|Oh really?
B|a|Fair enough.
B|a|Yes, that's right.
B|a|OK, with you so far.
B|a|Mm, go ahead.
B|a|Yes, ma'am.
B|a|Yes sir.
B|a|Gotcha.
B|a|Okay, okay.
B|a|Mm-hm, mm-hm.
B|a|Sure thing.
B|a|Yeah, yeah.
B|a|Of course.
B|a|Yes, I've got that down.
B|a|Alright, yep.
B|a|Oh, right, yes.
B|a|I see what you mean.
B|c|Okay, fine.
B|c|Mm, okay then.
B|c|Yeah, okay.
B|c|Right, okay, go on.
B|c|Uh-huh, fine.
B|c|Yes, go ahead.
B|c|Oh, okay then.
B|c|Yeah, I'm still here.
# ---- more positives ----
R|a|Nobody else on your street has reported an outage, so it must be something in your house.
RC|a|The app is working fine, you just need to update your phone like everyone else.
R|a|I'm sorry, but that's simply not how it works, we never promised free delivery.
R|a|Well, you signed the contract, didn't you?
R|a|You can't expect us to refund something you've already eaten half of.
R|a|Our driver has been doing this for ten years, I doubt he got your door wrong.
R|a|So you're saying our engineer is lying?
R|c|No, you listen to me, I was never told about any cancellation fee.
S|a|I'm adding a note for the installer and moving your appointment to 8am Friday, you'll get a text confirmation shortly.
S|a|I've processed a refund for the two missing items, that's RM 23.80, back to your card today.
S|a|Your new meter will be fitted on the 22nd; I've booked it and the confirmation letter goes out tonight.
S|a|I'll personally email you the corrected invoice before 5 today.
S|a|I've applied a one-off credit of $30 and it'll be on the bill that's issued on the 1st.
S|a|I'll put you on the 9:15 train tomorrow at no charge and text the e-ticket to this number now.
S|a|The claims team lead, Mr Osei, will call you on Monday morning — I've put it in his diary.
C|a|Well, at least now you know how to read a meter.
C|a|Glad I could teach you something today.
C|a|I'm sure even you can manage it from here.
C|a|Next time maybe check the fridge is plugged in before you call an engineer out.
CS|a|I'll waive it, but honestly you should be thanking me.
# ---- neutral agent talk ----
-|a|Good morning, thank you for calling Northline Energy, my name is Priya.
-|a|Hi, you're through to the customer care team, how can I help today?
-|a|Can I take your order number, please?
-|a|Could you confirm the first line of your address and your date of birth?
-|a|For security, what are the last four digits of the card?
-|a|I'm just going to pop you on a short hold while I check that.
-|a|Thanks for holding, I'm back.
-|a|Is that the mobile number ending 372?
-|a|Can you spell your surname for me?
-|a|What date did you place the order?
-|a|Which flight were you booked on?
-|a|Do you have the tracking number to hand?
-|a|Let me just bring up your account.
-|a|Could you tell me what the error message says exactly?
-|a|Is the light on the router green or orange at the moment?
-|a|So just to confirm, the item was a grey three-seater sofa, is that right?
-|a|And is this the account in your name or your partner's?
-|a|I can see your last payment was on the 28th of October.
-|a|The system is a bit slow today, bear with me.
-|a|Is there anything else I can help you with today?
-|a|Thanks for calling, have a lovely afternoon.
-|a|Thank you for bringing this to our attention.
-|a|Thanks for your patience while I looked into that.
-|a|Would you prefer a call or an email for updates?
-|a|What's the best number to reach you on?
-|a|I'm going to read back what I've written, stop me if anything's wrong.
-|a|The reference for this call is QA-2291.
-|a|Can I ask when you first noticed the problem?
-|a|Have you tried restarting the device since it happened?
-|a|Your current plan is the unlimited calls bundle with 20 gigabytes of data.
-|a|The parcel went through our Leeds depot on Tuesday night.
-|a|Right, so what happened is the courier scanned it at the wrong depot, which is why tracking stopped.|starts with "right" but takes the floor with an explanation, not a backchannel
-|a|Okay, so the way the bill works is that you pay one month in advance.|starts with "okay" but takes the floor, not a backchannel; calm explanation, not arguing
-|a|Just a moment while I transfer you to the payments line, you'll stay connected.
-|a|Is it alright if I record your answers on the complaint form?
-|a|Did you pay by card or by PayPal?
-|a|Which branch did you visit?
-|a|How many items were missing from the bag?
-|a|Are you calling from the number registered on the account?
-|a|Thank you, that's all verified.
-|a|I'll need the serial number from the back of the unit.
-|a|Can you send me a photo of the damage to this email address?
-|a|Was anyone else affected, or just your flat?
-|a|Good afternoon, Hanbridge Bank, Tom speaking.
-|a|You've reached FreshBox deliveries, this is Amir.
-|a|I'm back, thanks for waiting.
-|a|Could you hold the line for two minutes?
-|a|And what time did the driver arrive?
-|a|Thank you for your call today, goodbye.
-|a|Thanks for taking the time to tell us about this.
-|c|Hi, I'm calling about my bill.
-|c|My order number is 4471-BX.
-|c|I've been with you for about six years.
-|c|It arrived yesterday afternoon.
-|c|My date of birth is the 3rd of May 1984.
-|c|The box was crushed on one side and the lid was open.
-|c|I've already tried turning it off and on again.
-|c|So what happens now?
-|c|I just want my money back, that's all.
-|c|Okay, thanks for your help, bye.
# ---- hard negatives ----
-|a|Sorry to hear that. Can I take your account number?|formulaic stock phrase before any complaint was heard, does not address the situation
-|a|Oh, sorry to hear that. What's your postcode?|formulaic "sorry to hear that" as an opener, no reference to the customer's situation
-|a|Sorry, could you repeat that?|"sorry" as a request to repeat, not an apology
-|a|Sorry, the line is breaking up a bit.|"sorry" about audio, not taking responsibility for the complaint
-|a|Sorry, can I put you on hold for a second?|hold request politeness, not an apology
-|a|Excuse me, sorry, did you say the 15th or the 50th?|clarification politeness, not an apology
-|a|Our policy is that refunds are only given within 14 days of purchase.|policy recitation is not a resolution
-|a|Unfortunately there's nothing I can do about that.|"nothing I can do" is not a resolution
-|a|The person in charge of refunds isn't here today.|passing the customer on, not a resolution
-|a|You'll need to contact the manufacturer about that.|passing the customer on, not a resolution
-|a|That's handled by a different department, you'll have to call them.|passing the customer on, not a resolution
-|a|According to our terms and conditions, delays caused by weather are not compensated.|policy recitation, not a resolution; calm, not arguing
-|a|I'm afraid that's just the procedure.|procedure recitation, neither resolution label
-|a|The system won't let me do that.|refusal without remedy, not a resolution
-|a|My manager is at lunch, so I can't approve anything.|passing the customer on, not a resolution
-|a|Our standard processing time for claims is 28 days.|policy recitation, no remedy offered
-|a|You can find the returns policy on our website.|redirecting to policy, not a resolution
-|a|I'm just the first-line team, I don't have access to billing.|deflection, not a resolution
-|a|The tracking shows it was scanned as delivered at 2:14pm, I can see that doesn't match what you saw.|calm factual explanation that accepts the customer's position, not arguing
-|a|The extra charge is the pro-rated amount for the days before your plan changed.|calm factual explanation, not arguing
-|a|The reason it shows twice is that one is a pending authorisation, which drops off after a few days.|calm factual explanation, not arguing
-|a|You're right, the booking page doesn't show that fee clearly.|agreeing with the customer, not arguing
-|a|The warranty covers manufacturing faults for two years from the date of delivery.|calm explanation of coverage, not arguing nor resolution
-|a|The outage was caused by a cable fault in your area, and engineers are on site.|factual explanation, no remedy promised for the customer, not arguing
-|a|Right, so what you're saying is the bill went up by thirty pounds without warning.|summarising takes the floor, not a backchannel
-|a|Okay, so let me check that for you, one moment.|starts a turn, not a backchannel; hold notice
-|a|Yes, I can see the order here, it was placed on the 9th.|begins with "yes" but takes the floor with information, not a backchannel
-|a|Mm, well, the thing is, the courier uses its own system.|starts with "mm" but takes the floor, not a backchannel
-|a|Thank you for your patience.|sincere courtesy, not sarcastic, not condescension
-|a|Just so you're aware, the refund can take up to five days to appear.|helpful information, not a point-scoring remark
-|a|For next time, you can also report faults through the app if that's easier.|helpful tip with no blame, not condescension
-|a|I can confirm the fee was charged on the 4th of June.|statement of fact, not arguing
-|a|Thanks for bearing with me, that took longer than I expected.|courtesy, not an apology
-|a|I'm sorry, I didn't catch your name.|"sorry" as a request to repeat, not an apology
-|a|I hear that a lot, actually, it's a common question.|reassurance about frequency, not empathy
-|a|Thank you, Mr Davies.|courtesy, not a backchannel
-|c|I'm sorry but this is unacceptable.|"I'm sorry but" softens a complaint; the customer takes no responsibility, not an apology
-|c|Sorry, but I've been waiting for two hours.|"sorry, but" as a softener, not an apology
-|c|I'm so frustrated, I've called four times already.|customer expressing own feelings is not empathy
-|c|This has ruined my whole weekend.|customer expressing own situation is not empathy
-|c|Oh great, so I get to wait another week, fantastic.|customer venting sarcasm about the situation, not a point-scoring remark at the agent
-|c|Brilliant, the one day I stay in, they come early.|customer sarcasm about circumstances, not condescension
-|c|Lovely, another hold queue.|customer sarcasm about the process, not condescension
-|c|I understand you have rules, but I need a solution.|customer acknowledging rules, not empathy for the agent's feelings
-|c|Right, so the thing is, I've already sent the photos twice.|takes the floor, not a backchannel
-|c|Okay, but what about the money you took?|starts with "okay" but takes the floor with a question
-|a|I'm not sure, I'd have to check.|uncertain reply with no offer of a remedy, not a resolution
-|a|We've had a lot of complaints about that model.|statement, not empathy and not a resolution
-|a|These things happen sometimes.|dismissive but not disputing; no empathy, no apology
# ==== 2026-11 additions (issue 3): written after the labelling guide in README.md ====
# ---- arguing (agent) ----
R|a|That's not on us, you picked the cheapest delivery option.
R|a|Our fitters couldn't have scratched the sofa, it was fully wrapped.
R|a|You weren't home when we came round, so we weren't late.
R|a|Our system shows no payment, which means you haven't paid.
R|a|That isn't a manufacturing fault, that's impact damage.
R|a|We told you sale items can't be refunded, so don't put this on us.
R|a|You can't blame us because you didn't read the terms.
R|a|I've checked the bill and it's correct, you've added it up wrong.
R|a|Why are you only complaining now? It arrived a month ago.
R|a|We never charged you twice, you're reading a different statement.
R|a|No, no, our technician never touched that cable.
R|a|That's the building management's problem, not our responsibility.
R|a|You say you never got the notice, but our records show it went out, so you missed it.
R|a|There's nothing wrong with our network, your router is just ancient.
R|a|You changed the date yourself, so of course the fee applies.
R|a|I disagree, the food was hot when it was delivered.
R|a|You pressed cancel, not our system.
R|a|Our laundry has never lost a shirt, are you sure you even dropped it off?
R|a|That was advertising copy, not a promise, you've misunderstood it.
R|a|If it was damaged, why did you sign for it?
R|a|We have no reason to lie about your meter reading.
R|a|The surcharge is there because you asked for a Sunday move, it's not our fault.
R|a|Are you suggesting our driver did that on purpose?
R|a|There's no way that box got wet in our van.
R|a|We weren't slow, your bank was slow to process it.
R|a|You agreed to that price on the phone, you can't go back on it now.
R|a|Your application was rejected because you sent the documents late, not because of us.
R|a|This isn't the first time you've put in a claim like this, is it?
R|a|There's nothing wrong with our installation, end of story.
R|a|As I said, we didn't take that money out.
R|a|You say it was cold, but the rider says you took ages to come down.
R|a|You've used it for three months, you can't return it now.
# ---- arguing (customer) ----
R|c|I didn't break it, it was broken when it arrived.
R|c|You're lying, nobody came yesterday.
R|c|Don't push this onto me, you wrote the address down wrong.
R|c|That's wrong, I never agreed to that charge.
R|c|How is that my fault? I did exactly what you told me.
R|c|That's not right, I paid in full last month.
R|c|Your records are wrong, not me.
R|c|You say you sent it, but my letterbox was empty, so don't tell me it was sent.
R|c|There's no way I used that much data.
R|c|Don't tell me I never called, I've called three times.
# ---- arguing + condescension ----
RC|a|It's not our fault, you just can't read a receipt.
RC|a|Everyone else manages to install it, you just didn't follow the instructions.
RC|a|If you'd thought about it for two seconds you wouldn't have pressed that button.
RC|a|We did nothing wrong, you were careless, and frankly it's a very simple thing to do.
RC|a|There's nothing wrong with the bill, you just can't do the maths.
RC|a|You chose that package, so maybe think it through before signing up next time.
RC|a|It left us in perfect condition, people like you always find an excuse.
RC|a|You filled the form in wrong, a schoolkid could do this.
RC|a|It's not broken, you just don't know how to use it, how many times do I have to say it?
RC|a|Our system doesn't make mistakes, you probably forgot, it happens at your age.
RC|c|Can you actually do your job? I've told you I paid, so check properly.
RC|c|It's not my fault, you're just bad at your job.
# ---- condescension (agent) ----
C|a|Next time don't leave it until the last minute to call.
C|a|You're lucky you got me today, no one else would bother.
C|a|Right, done. It was just the reset button, really simple.
C|a|I've gone way beyond what I'm supposed to do for you, remember that.
C|a|Listen carefully now, I'll go through it one more time, slowly.
C|a|See, if you'd read the manual first you wouldn't have needed to call.
C|a|Congratulations, you've found the receipt at last.
C|a|I'll help you this once, but don't do it again.
C|a|In future, look after your password a bit better.
C|a|A six-year-old could do this.
C|a|You understand it now, don't you? I hope so.
C|a|If you'd done what I said at the start, we'd be finished by now.
C|a|Wow, you're finally logged in.
C|a|Good, so today you've learned how to use an app.
C|a|Don't worry, I'll explain it in the simplest words possible.
C|a|I honestly don't know how else to explain it, just try to keep up.
C|a|We're not charging you this time, so count yourself lucky.
C|a|Next time check the use-by date before you buy.
C|a|Maybe read the terms before you complain.
C|a|Older people do tend to struggle with smartphones, it's fine.
C|a|See? It's not hard if you follow the steps.
C|a|Thanks for finally giving me the right account number.
C|a|I did say that already, but fine, I'll repeat it just for you.
C|a|Try to be a bit more careful from now on.
C|a|Maybe read the emails we send you once in a while.
C|a|You're calling us about something this small?
# ---- condescension (customer) ----
C|c|Are you new? You don't even know something this basic.
C|c|I'll explain it slowly, try to actually listen this time.
C|c|Impressive, five whole minutes to find my account.
C|c|Stop pretending you understand and get me someone who does.
C|c|Your service is so amazing you should get an award.
C|c|You're just reading a script, aren't you? Try using your head.
# ---- condescension + resolution ----
CS|a|The refund's gone through today, but read the terms first next time.
RCS|a|I'll send an engineer at 10 tomorrow, even though this is really your problem, not ours.
CV|a|Okay, I'll take a look, even though you could easily do this yourself.
CS|a|I've taken that fee off, consider yourself lucky today.
# ---- apology naming fault (not arguing) ----
A|a|That really is our fault, not yours, and I'm sorry.
A|a|We should have let you know sooner, that's our mistake, sorry.
A|a|The error came from our side, and I apologise.
A|a|Our technician got it wrong, and we're really sorry.
A|a|We overcharged you by mistake, I'm sorry about that.
A|a|We were careless, please forgive us.
# ---- empathy ----
E|a|Losing the internet right when your kids need it for homework must have been so stressful.
E|a|Coming home after a long shift to a house with no power is really tough.
E|a|You'd been waiting ages for it, so having it turn up smashed must have been gutting.
E|a|I can imagine the panic when you saw money missing from your account.
E|a|Having to repeat the same story to every agent is genuinely wearing.
E|a|You've been very patient, and I can see why you feel nobody values that.
E|a|Three cancelled appointments, it's no wonder you're angry.
E|a|It was an important event and the order didn't show, that must have been so awkward for you.
E|a|It's heartbreaking when a present for your child arrives broken.
E|a|Being promised a call back that never came would make anyone feel brushed off.
E|a|Sorting this out while caring for your parents must be a real strain.
E|a|I can hear in your voice how worn down this has made you.
E|a|You paid in full and got half the service, of course you're disappointed.
E|a|It's your personal details, so your worry makes complete sense.
E|a|Trying to sleep without air conditioning in this heat sounds miserable.
E|a|Moving house is stressful enough without things going missing.
E|a|I know you took a day off specially to wait for the engineer.
E|a|Waiting an hour only for the food to arrive cold is so disappointing.
E|a|It isn't just the money, you felt disrespected, and that's fair.
E|c|I know you're only following instructions, it's not your fault.
EA|a|I'm so sorry, I know you've been waiting in all day.
EA|a|I understand how disappointed you are, and I'm sorry it's taken this long.
EV|a|You need the internet for work, I get that, so I'll try to speed this up.
# ---- vague resolution ----
V|a|I'll ask the warehouse what they can do.
V|a|We'll try to deal with it as quickly as possible.
V|a|I'll let my supervisor know.
V|a|Let me see if there's another way round this.
V|a|We'll send someone out to check it at some stage.
V|a|I'll open a ticket for this complaint.
V|a|The technical team will contact you later.
V|a|We'll try to get your money back.
V|a|I'll keep an eye on how this case goes.
V|a|We'll find a solution.
V|a|I'll try to get that charge reduced.
V|a|Management will review your complaint.
V|a|I'll try asking them to send a different one.
V|a|We'll correct the bill, don't worry.
V|a|I'll pass this to the relevant department.
V|a|We'll try to arrange a reinstallation.
V|a|There might be a little compensation, I'll ask first.
V|a|I'll make sure someone deals with it.
V|a|We'll let you know how it progresses.
V|c|Please just do something about this.
# ---- specific resolution ----
S|a|I've cancelled the £45 charge, you'll see it on your next bill.
S|a|Our engineer, Mark, will be with you tomorrow between 9 and 11am.
S|a|The replacement goes out today by Royal Mail and will arrive within two working days.
S|a|The full refund of £230 has been processed and will reach you in five working days.
S|a|I'll ring you back at 4 this afternoon with the warehouse's answer.
S|a|I've added 5GB of free data to your account, you can use it right now.
S|a|We'll pick up the damaged desk on Saturday and drop off the new one on the same trip.
S|a|I've escalated this to my supervisor, James Lee, and he'll call you before noon tomorrow.
S|a|I've waived this month's late fee, so your balance is now zero.
S|a|I've placed a new order with free express delivery, arriving tomorrow.
# ---- hard negatives ----
-|a|The record shows it was delivered at 3, but that doesn't mean you're wrong.|calm fact that accepts the customer's position, not arguing
-|a|The £15 is the monthly service fee, it's been charged since March.|calm explanation of a charge, not arguing
-|a|You're right, the date wasn't clear in our email.|agreeing with the customer, not arguing
-|a|Just so you know, the installation takes about two hours.|useful information, not condescension
-|a|If it helps, you can also track deliveries in the app in future.|tip without blame, not condescension
-|a|Could you tell me what colour the light on the modem is now?|routine diagnostic question, not a challenge
-|a|Have you tried a different cable?|diagnostic question, not arguing
-|a|Just to check, has the item been taken out of the box?|diagnostic question, not arguing
-|a|Thanks for your patience, madam.|sincere courtesy, not sarcasm
-|a|Thanks for letting us know, feedback like this really helps.|sincere courtesy, not sarcasm
-|a|Under our policy, only unopened items can be refunded.|calm policy statement, neither arguing nor a resolution
-|a|We read the meter on the 5th and it showed 4321.|calm statement of fact, not arguing
-|a|The payment arrived on the 28th and the due date was the 25th.|calm statement of fact, not arguing
-|c|Great, there goes another day of my leave.|customer venting about the situation, not aimed at the agent
-|c|Wonderful, the bill's gone up again this month.|customer sarcasm about the situation, not condescension
-|c|Fantastic, the new modem's broken too.|customer venting about the product, not aimed at the agent
-|c|I'm so worn out by all of this.|customer's own feelings, not empathy
-|c|I'm really disappointed with this service.|customer's own feelings, not empathy
-|a|Okay, I hear you, but first I need to verify your identity.|"I hear you" as a turn opener before a request, not empathy
-|a|Sorry, could you read the account number out again?|"sorry" asking for a repeat, not an apology
-|a|That happens when the main switch is off, it's really common.|calm explanation without a dig, not condescension
-|a|Honestly, lots of customers ask exactly this, there's nothing to be embarrassed about.|reassurance that doesn't belittle, not condescension
-|a|We can't change the price once payment has gone through.|policy, not a resolution; calm, not arguing
-|a|I can't cancel that charge from here.|no resolution; calm, not arguing
-|a|Installations are handled by another department, their number is on the website.|passing the customer on, not a resolution
-|a|The log says the engineer arrived at 2:10, I'm not saying your account is wrong.|calm fact accepting the customer's position, not arguing
-|a|No, no, this isn't your fault at all.|reassuring the customer, not arguing
-|a|That's outside what I'm authorised to do.|not a resolution
-|a|The manager's not in today, call back tomorrow.|passing the customer on, not a resolution
-|a|For warranty repairs you'll need to go into a store yourself.|passing the customer on, not a resolution
-|a|We don't pay compensation for power cuts.|policy, not a resolution
-|a|The system won't let me change the address once the order has shipped.|refusal, not a resolution
-|a|Claims usually take 30 days to process.|policy, not a resolution
-|a|I can't say yet, we have to wait to hear from head office.|uncertain, not a resolution
-|a|You could try contacting the manufacturer directly.|passing the customer on, not a resolution
-|a|Thank you for your valuable feedback, we'll take it on board.|polite but no action, not a resolution
-|a|I appreciate your understanding, but that's the process.|polite but no resolution; calm, not arguing
-|a|Oh no. What's your account number?|stock reaction before hearing the complaint, not empathy
-|a|Okay, got it, just a moment please.|acknowledges then puts the customer on hold, takes the floor: not a backchannel
-|c|I feel completely conned by your advert.|customer's own feelings, not empathy
-|c|My kid's been crying because the toy is broken.|customer describing their own situation, not empathy
-|a|We've had loads of calls about the outage today.|statement about call volume, not empathy
# ==== 2026-11 additions, second batch (English: condescension, vague resolution) ====
# ---- arguing ----
R|a|We couldn't have sent the wrong item, I've seen the packing record myself.
R|a|If you'd followed the fitting guide, the pipe wouldn't be leaking.
R|a|That's nothing to do with our service, it's your handset.
R|a|You paid late, that's why the line was suspended.
R|a|We never promised same-day delivery.
R|a|We didn't damage that fence, it was already leaning.
R|a|So three of our staff are wrong and you're the only one who's right?
R|a|You used that voucher last month, so don't blame the system.
R|a|It's not a hidden fee, it's in the contract you signed.
R|a|Honestly, the photos you sent look fine to me.
R|a|Your warranty ran out, so there's no point complaining now.
R|c|No, I've never had any email from you.
R|c|When did I agree to that? Don't make things up.
R|c|Your engineer didn't turn up, I was home the whole time.
# ---- arguing + condescension ----
RC|a|It's not our fault you can't tell a charge from a deposit.
RC|a|It's written in plain English on the letter, can you not read it?
RC|a|You were the careless one, and now you're blaming us.
# ---- condescension ----
C|a|Next time, check the care label before it goes in the wash.
C|a|Well, that was nothing, the switch just wasn't on.
C|a|Lucky for you I'm a patient person.
C|a|If every customer was like you, we'd need to run training classes.
C|a|This is the last exception we'll make for you.
C|a|You're panicking over nothing, really.
C|a|It's really not difficult if you just read the manual.
C|a|And please don't write your PIN on the back of the card again.
C|a|Some people just can't get the hang of these machines.
C|a|Oh, look at that, you managed it.
C|a|That's the third time I've said it, so hopefully it sticks.
C|a|If you can't work it out, maybe ask your kids to have a look.
C|a|Most people sort this out in two minutes.
C|c|You really don't know anything, do you?
C|c|I'll keep it simple so you can follow.
CS|a|The twenty pounds is back on your card, just don't forget next time.
# ---- vague resolution ----
V|a|We'll deal with it and someone will be in touch.
V|a|I'll ask the manufacturer to have a look.
V|a|I'll discuss compensation with my manager.
V|a|We'll find some way to make this right for you.
V|a|We'll go over the bill again.
V|a|If we can, we'll swap it for you.
V|a|I'll get the engineer to give you a ring.
V|a|I'll take this higher up.
V|a|I'll log the problem and someone will follow it up.
V|a|I'll chase the refund for you.
AV|a|Sorry about that, we'll put it right as soon as we can.
V|c|Can you sort this out for me?
# ---- neutral ----
-|a|Are you still at the same address?
-|a|Which store did you buy it from?
-|a|Could you read me the serial number on the back of the machine?
-|a|Are you on a prepaid or a monthly plan?
-|c|I bought the fridge last month.
-|c|My bill is usually about eighty pounds a month.
# ---- hard negatives ----
-|a|The charge appears because your plan changed in the middle of the month.|calm explanation, not arguing
-|a|That's true, the notice should have reached you sooner.|agreeing with the customer, not arguing
-|a|None of this is your fault.|reassuring the customer, not arguing
-|a|Good question, a lot of people get confused by that part.|reassurance, not condescension
-|a|It's easy to mix up, I'll walk you through it step by step.|sincere help that doesn't belittle, not condescension
-|a|Can I ask whether it was kept somewhere damp?|genuine diagnostic question, not a challenge
-|c|Brilliant, paid on Friday and it's gone by Saturday.|customer venting about the situation, not aimed at the agent
-|c|I know it's not your fault, but I need this fixed today.|acknowledges then demands; no feeling acknowledged: not empathy
-|a|That's the bank's decision, I can't change it.|no resolution; calm, not arguing
-|a|Yes, I can see both payments on the 4th.|starts with "yes" but gives information, not a backchannel
# ==== 2026-11 additions, third batch (polite-sounding disputes, backhanded remarks) ====
R|a|I'm sorry, but you've got that wrong, we never said anything of the sort.
R|a|I hear you, but this is clearly down to how the settings were changed on your end.
R|a|Our courier rang twice, you just didn't hear it.
R|a|You ticked that option yourself, so it's not on us.
R|a|Without a receipt I can't take your word that you bought it here.
R|a|It's not a price rise, your discount ended, and you were told that at sign-up.
R|a|The furniture was fine when we moved it, whatever happened after isn't down to us.
R|c|You keep changing your story, that's not what you said five minutes ago.
C|a|Don't worry, it's a common mistake for people who aren't good with computers.
C|a|Maybe have one more look before you press order next time.
C|a|I've done you a special favour today, so don't go telling everyone.
C|a|See, it works straight away when you do what I say.
C|a|Most people don't need this explained to them.
C|a|It just needed switching off and on again, funnily enough.
C|a|Try not to throw your receipts away in future.
C|a|I'll take you through it one tiny step at a time, it's really not hard.
C|a|Well, it's your first time, so I suppose you wouldn't know.
C|a|So now you've learned something, you can do it yourself next time, can't you?
C|c|Who on earth would understand that explanation? Well done.
C|c|I think I know more about this than you do.
RC|a|That's not our fault, a little bit of care on your part would have avoided it.
RC|a|It's all in the manual, you just didn't read it, everyone else does.
RC|c|You don't even know your own company's rules, so don't lecture me.
-|a|Sorry, could you check whether that box was on your moving inventory?|"sorry" while asking the customer to check, neither an apology nor a dispute
-|a|Our log shows two visits, but I'm not doubting what you've told me.|calm fact accepting the customer's position, not arguing
-|a|You're right, our warning wasn't clear enough.|agreeing with the customer, not arguing
-|c|Perfect, the boiler breaks on our first day in the new house.|customer venting about the situation, not aimed at the agent
-|a|It's easy to get muddled the first time, let's do it together.|sincere help, not condescension
# ---- admitting fault without "sorry" is an apology, not a dispute ----
A|a|I've looked into it and it's our problem, not yours.
A|a|That one's on our side, it's our problem.
A|a|Our system did that, so it's our mistake.
# ---- denying a mistake is a dispute, not an apology (contrast with the admissions above) ----
R|a|That wasn't our mistake, the warehouse packed exactly what you ordered.
R|a|It's not our mistake if the address on the order was wrong.
R|a|No, the error wasn't ours, your bank reversed the payment.
R|a|We didn't make a mistake here, the meter reading is correct.
# ==== 2026-11 additions, fourth batch (issue 3, labeller-3: written in all four languages with the zh/ko/ms additions) ====
R|a|Honestly, I don't see what there is to be upset about, the parcel is only a day late.
R|a|A slightly crooked shelf isn't really grounds for a complaint.
R|a|You've used the full service all month, so I don't see why you're asking for money back.
R|a|You moved house without telling us, so the bills going to the old address are on you.
R|a|The card was reported lost after those payments went through, so the charges stand.
R|a|That's simply not the case, the engineer logged every visit.
RC|a|Most people set the app up in five minutes, there's nothing wrong with it.
C|a|I've sorted it, but you do realise most companies would have charged you for this.
C|a|There, it was only the plug. Bit embarrassing, really.
C|c|Is there anyone there who actually knows what they're doing?
E|a|You've got the event tomorrow and the suit still isn't back from us, that puts you in a real bind.
E|a|That landline is the only way your mother can reach you, so no wonder you're on edge.
-|a|Thanks so much for staying on the line while I sorted that out.|sincere courtesy, not sarcasm
-|a|Have a good evening, and thanks again for calling.|closing courtesy, not condescension
-|a|If you like, next time you can pay at the counter with a QR code, it's quicker.|tip without blame, not condescension
-|c|Lovely, the heating's gone off again and it's freezing.|customer venting about the situation, not condescension
-|c|I'm absolutely livid, I took the day off for this.|the customer's own feelings, not empathy
-|a|You're quite right, the renewal reminder should have gone out earlier.|agreeing with the customer, not arguing
# rejecting the complaint itself (arguing rule 4), under-represented until now
R|a|I don't see why you're so annoyed, the technician turned up within the window.
R|a|The sofa arrived on the exact date you picked, so I'm not sure what the fuss is about.
"""
