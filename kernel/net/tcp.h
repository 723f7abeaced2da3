/*
 * TCP (RFC 9293), net/'s own header for tcp*.c:
 *
 *   tcp.c         the socket calls: connect, listen, accept, shutdown,
 *                 close; a connection's life
 *   tcp_msg.c     send and receive
 *   tcp_sockopt.c poll, ioctl, the IPPROTO_TCP options
 *   tcp_input.c   an arriving segment through the state machine
 *   tcp_recv.c    arriving data: in-order and out-of-order queues
 *   tcp_output.c  building and sending segments; the sliding window
 *   tcp_timer.c   RTO (RFC 6298), retransmission, congestion window,
 *                 zero-window probes, TIME_WAIT
 *   tcp_proc.c    /proc/net/tcp; the initial sequence numbers
 *   tcp_seq.h     sequence-number arithmetic (wraps at 2^32)
 *
 * The control block, one per connection (the socket layer's object
 * begins it, as for every inet socket):
 *
 *   struct tcp_sock
 *   +-------------------------------------------------------------+
 *   | inet_sock: socket, saddr:sport daddr:dport, bind_next       |
 *   | state (TCP_ESTABLISHED ...: Linux's numbers)                |
 *   | send:    snd_una  snd_nxt  write_seq  snd_wnd  (wl1, wl2)   |
 *   |          write_queue: skbs from snd_una to write_seq        |
 *   |          send_head: the first not yet sent                  |
 *   | receive: rcv_nxt  rcv_wnd  rcv_queue  ofo_queue             |
 *   |          rcv_acked, delack (the delayed ACK)                |
 *   | RTO:     srtt rttvar rto (ms), backoff, timer               |
 *   | cwnd ssthresh dupacks ca_state recover (congestion)         |
 *   | parent, children (a listener's SYN and accept queues)       |
 *   +-------------------------------------------------------------+
 *
 * The sequence space of the send side:
 *
 *        acknowledged | sent, not yet acked | queued, not sent | room
 *   -----------------|---------------------|------------------|----->
 *                 snd_una               snd_nxt           write_seq
 *                    |<------------ snd_wnd (the peer's) ------------>|
 *
 * The write queue holds every byte from snd_una on, so that any of it can
 * be sent again; a SYN and a FIN are in it too, as segments of their own
 * (they take one sequence number each).
 *
 * Lifetime: the connection holds a reference on its socket from the
 * moment it leaves CLOSED until it returns there (tcp_set_state), so a
 * closed file's connection lives on through FIN_WAIT and TIME_WAIT.
 */
#ifndef _NET_TCP_H
#define _NET_TCP_H

#include "net/inet.h"
#include "net/tcp_seq.h"

/* The states, with Linux's numbers (/proc/net/tcp shows them). */
enum tcp_state {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING,
};

/* The header's flag bits (byte 13). */
#define TCPH_FIN 0x01
#define TCPH_SYN 0x02
#define TCPH_RST 0x04
#define TCPH_PSH 0x08
#define TCPH_ACK 0x10
#define TCPH_URG 0x20

struct tcphdr {
	uint16_t source, dest;
	uint32_t seq, ack_seq;
	uint8_t doff;                   /* header length / 4, in the top 4 bits */
	uint8_t flags;                  /* TCPH_* */
	uint16_t window;
	uint16_t check;
	uint16_t urg_ptr;
} __attribute__((packed));

#define TCP_HLEN 20                     /* without options */
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define TCP_MSS_DEFAULT 536             /* without an MSS option (RFC 9293) */
#define TCP_MSS_MIN 48                  /* a peer asking for less gets this (Linux) */
#define TCP_MAX_WINDOW 65535            /* no window scaling */
#define TCP_INIT_CWND 10                /* segments (RFC 6928, Linux) */

/* Timing, in jiffies (or ms where named so). */
#define TCP_RTO_INIT_MS 1000            /* RFC 6298 2.1 */
#define TCP_RTO_MIN_MS  200             /* Linux's floor */
#define TCP_RTO_MAX_MS  120000          /* Linux's ceiling */
#define TCP_SYN_RETRIES 6               /* Linux: about 127 s to ETIMEDOUT */
#define TCP_RETRIES     8               /* Linux's tcp_retries2 is 15 */
/* MSL: RFC 9293 says 2 minutes and Linux waits 60 s in TIME_WAIT; ours
   is 1 s, so a closed connection is gone 2 s later (TIME_WAIT = 2*MSL).
   An orphaned FIN_WAIT2 gives up after the same time. */
#define TCP_MSL (1 * HZ)
#define TCP_TIMEWAIT_LEN (2 * TCP_MSL)
/* The longest an ACK of in-order data waits (Linux's TCP_DELACK_MIN). */
#define TCP_DELACK_TICKS (HZ / 25)

/* The congestion state (Linux's names): normal, fast recovery after
   three duplicate ACKs, or recovery after a timeout. */
enum tcp_ca_state {
	TCP_CA_OPEN,
	TCP_CA_RECOVERY,
	TCP_CA_LOSS,
};

struct tcp_sock {
	struct inet_sock inet;
	enum tcp_state state;
	bool released;                  /* the file is closed (an orphan) */
	bool nodelay;                   /* TCP_NODELAY: no Nagle */
	bool done;                      /* no more bytes will come */
	/* send */
	uint32_t iss, snd_una, snd_nxt, write_seq;
	uint32_t snd_wnd, snd_wl1, snd_wl2;
	uint16_t mss;                   /* the largest segment we send */
	uint16_t user_mss;              /* TCP_MAXSEG; 0: none */
	struct sk_buff_head write_queue;
	struct sk_buff *send_head;      /* NULL: all sent */
	uint32_t wmem;                  /* the write queue's buffers (bytes) */
	/* receive */
	uint32_t irs, rcv_nxt;
	uint32_t rcv_wnd;               /* what our last segment advertised */
	uint32_t rcv_acked;             /* the rcv_nxt it acknowledged */
	struct net_timer delack;        /* an ACK owed (tcp_recv.c) */
	struct sk_buff_head rcv_queue, ofo_queue;
	uint32_t rcv_bytes;             /* bytes in rcv_queue */
	uint32_t rmem;                  /* both queues' buffers (bytes) */
	/* round-trip time and retransmission (RFC 6298) */
	uint32_t srtt, rttvar, rto;     /* ms */
	bool rtt_sampled;               /* srtt and rttvar are set */
	bool rtt_timing;                /* a segment is being timed: */
	uint32_t rtt_seq, rtt_start;    /*   its end, and when it went */
	int backoff;                    /* RTOs (or probes) in a row */
	struct net_timer timer;         /* RTO, probe, TIME_WAIT, FIN_WAIT2 */
	/* congestion control (RFC 5681, NewReno's recovery RFC 6582) */
	uint32_t cwnd, ssthresh;
	int dupacks;
	enum tcp_ca_state ca_state;
	uint32_t recover;               /* snd_nxt when the loss was seen */
	/* a listener's children, in arrival order: SYN_RECV ones are its SYN
	   queue, ESTABLISHED (or later) ones its accept queue */
	struct tcp_sock *parent, *children, *sibling;
	int max_backlog, nchildren;
};

static inline struct tcp_sock *tcp_sk(struct socket *sock)
{
	return (struct tcp_sock *)sock;
}

/* Linux's test for POLLOUT: the free room at least half what is queued.
   A writer sleeps for room only when this is false. */
static inline bool tcp_writable(const struct tcp_sock *tp)
{
	return tp->wmem * 3 <= tp->inet.sk.sndbuf * 2;
}

static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{
	return (struct tcphdr *)skb->transport_header;
}

/* tcp.c */
void tcp_set_state(struct tcp_sock *tp, enum tcp_state state);
void tcp_done(struct tcp_sock *tp);             /* to CLOSED, for good */
void tcp_reset(struct tcp_sock *tp, int err);   /* an error ends it */
int tcp_sock_error(struct socket *sock);        /* SO_ERROR's, taken */
struct tcp_sock *tcp_child(struct tcp_sock *parent);
void tcp_child_established(struct tcp_sock *child);
uint32_t tcp_space(struct tcp_sock *tp);        /* the receive window */
struct tcp_sock *tcp_accept_head(struct tcp_sock *tp);

/* tcp_sockopt.c: the proto_ops beside the calls of tcp.c */
unsigned int tcp_poll(struct socket *sock, struct file *f,
		      struct poll_table *pt);
int tcp_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg);
int tcp_setsockopt(struct socket *sock, int level, int name,
		   const void *val, int len);
int tcp_getsockopt(struct socket *sock, int level, int name, void *val,
		   int *len);

/* tcp_msg.c */
ssize_t tcp_sendmsg(struct socket *sock, struct sock_msg *m);
ssize_t tcp_recvmsg(struct socket *sock, struct sock_msg *m);

/* tcp_input.c, tcp_recv.c: arriving segments (tcp_rcv is inet.h's) */
void tcp_data_queue(struct tcp_sock *tp, struct sk_buff *skb);
void tcp_rcv_purge(struct tcp_sock *tp);

/* tcp_output.c */
uint32_t skb_truesize(const struct sk_buff *skb);
struct sk_buff *tcp_alloc_skb(uint32_t size);
void tcp_queue_skb(struct tcp_sock *tp, struct sk_buff *skb);
void tcp_queue_ctl(struct tcp_sock *tp, uint8_t flags);  /* SYN or FIN */
void tcp_write_purge(struct tcp_sock *tp);
uint16_t tcp_route_mss(uint32_t saddr);
void tcp_connect_init(struct tcp_sock *tp);
uint32_t tcp_select_window(struct tcp_sock *tp);
void tcp_transmit_skb(struct tcp_sock *tp, struct sk_buff *skb);
void tcp_send_ack(struct tcp_sock *tp);
void tcp_send_probe(struct tcp_sock *tp);
void tcp_send_active_reset(struct tcp_sock *tp);
void tcp_send_reset(struct sk_buff *in);        /* for a segment nobody owns */
void tcp_window_update(struct tcp_sock *tp);
void tcp_write_xmit(struct tcp_sock *tp);

/* tcp_timer.c */
void tcp_timer_init(struct tcp_sock *tp);
void tcp_timers_stop(struct tcp_sock *tp);
void tcp_set_timer(struct tcp_sock *tp, uint32_t ticks);
void tcp_rearm_timer(struct tcp_sock *tp);
void tcp_ack_update(struct tcp_sock *tp, uint32_t ack);
void tcp_dupack(struct tcp_sock *tp);

/* tcp_proc.c */
uint32_t tcp_isn(uint32_t saddr, uint16_t sport, uint32_t daddr,
		 uint16_t dport);

#endif
