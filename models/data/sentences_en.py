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
R|a|Honestly, you're making a big deal out of a small scratch.
R|a|The delay is because of air traffic control, it has nothing to do with us.
R|a|Then why didn't you report it straight away?
R|a|I'm not going to argue with you, but you're simply mistaken.
R|a|That's not a defect, you just don't know how to use the settings.
R|a|You should have checked the order before the driver left.
R|a|It says delivered, so it was delivered.
R|a|We're not responsible for what you did with the appliance after it arrived.
R|a|Many people don't complain about this, so I don't see why you are.
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
RC|a|I've explained this three times now, I don't know how else to put it for you.
RC|a|If you'd bothered to read the email, you'd know the flight was moved.
RC|a|Everyone else seems to understand the bill, I don't know why you can't.
RC|a|You're lucky we're even talking about a refund, considering you broke it.
RC|a|With all due respect, maybe leave the technical stuff to the experts.
RC|a|We can't help it if customers don't know how to use a microwave.
RC|a|It's obviously user error, which is pretty common with people your age.
RC|c|Do you even know how your own system works?
RC|c|I'm clearly the only person on this call who has read the contract.
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
C|a|So the problem was you hadn't topped up. Mystery solved.
C|a|Be more careful with the next one, these aren't cheap.
C|a|Great, glad we got there in the end, it only took twenty minutes.
C|a|I'll let it slide this time.
C|a|Not everyone gets a free replacement, just so you're aware.
C|a|Oh, I'm sure you "definitely" posted it on time.
C|a|Maybe write the date down somewhere next time so you don't forget.
C|a|Well, that was an easy one, wasn't it?
C|a|If everyone was as demanding as you, we'd never get anything done.
C|a|For future reference, the big red button means stop.
C|a|I've done you a huge favour here, you know.
C|a|Don't worry, you're not the first person to get confused by a simple form.
C|a|I'd suggest learning how internet banking works before blaming us.
C|a|Anyway, it's sorted now, no thanks to the way you entered the address.
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
R|a|The app is working fine, you just need to update your phone like everyone else.
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
"""
